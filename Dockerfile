# The inventory CLI in a small runtime image (no SDK): build and publish in the SDK image, copy the framework-dependent
# output (ReadyToRun, for the image's architecture) into the .NET runtime image, run as the image's non-root 'app' user.
#   docker build -t inventory .
#   docker run --rm --user "$(id -u):$(id -g)" -v "$PWD:/work" -w /work inventory scan --config inventory.yml --out inventory.json
# --user: the image runs as 'app' (UID 1654), which may not write to a bind-mounted folder of the host user (Linux);
# run as your own UID so inventory.json lands in your folder, owned by you.
# Not built on the development machines (no container runtime there): see docs/kubernetes/README.md.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# ReadyToRun (precompiled code: less JIT at every start, bench/README.md) needs the image's runtime identifier.
ARG TARGETARCH
RUN rid=linux-$([ "$TARGETARCH" = "arm64" ] && echo arm64 || echo x64) \
    && dotnet publish scanner/Inventory.Cli/Inventory.Cli.csproj -c Release -r "$rid" -p:SelfContained=false \
       -p:PublishReadyToRun=true -p:PackAsTool=false -o /app \
    && rm -f /app/*.pdb

FROM mcr.microsoft.com/dotnet/runtime:10.0 AS runtime
WORKDIR /work
COPY --from=build /app /app
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The image's non-root 'app' user, by number (APP_UID=1654) so that Kubernetes' runAsNonRoot can verify it.
USER $APP_UID
ENTRYPOINT ["dotnet", "/app/inventory.dll"]
CMD ["--help"]
