# The inventory CLI in a small runtime image (no SDK): build and publish in the SDK image, copy the self-contained output
# (the app and the .NET runtime precompiled together as one composite ReadyToRun image, for the image's architecture) into
# the runtime-deps image (native libraries only), run as the image's non-root 'app' user.
#   docker build -t inventory .
#   docker run --rm --user "$(id -u):$(id -g)" -v "$PWD:/work" -w /work inventory scan --config inventory.yml --out inventory.json
# --user: the image runs as 'app' (UID 1654), which may not write to a bind-mounted folder of the host user (Linux);
# run as your own UID so inventory.json lands in your folder, owned by you.
# Not built on the development machines (no container runtime there): see docs/kubernetes/README.md.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# Self-contained composite ReadyToRun: the framework's generic code the app uses is precompiled too, so a scan JITs
# far less (bench/README.md, thirteenth session: whole scan -13 % wall and -17 % CPU, names only -15 % wall, against the
# framework-dependent ReadyToRun publish; +25 MB peak RSS). It needs the image's runtime identifier.
ARG TARGETARCH
RUN rid=linux-$([ "$TARGETARCH" = "arm64" ] && echo arm64 || echo x64) \
    && dotnet publish scanner/Inventory.Cli/Inventory.Cli.csproj -c Release -r "$rid" --self-contained true \
       -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -p:PackAsTool=false -o /app \
    && rm -f /app/*.pdb

FROM mcr.microsoft.com/dotnet/runtime-deps:10.0 AS runtime
WORKDIR /work
COPY --from=build /app /app
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The image's non-root 'app' user, by number (APP_UID=1654) so that Kubernetes' runAsNonRoot can verify it.
USER $APP_UID
ENTRYPOINT ["/app/inventory"]
CMD ["--help"]
