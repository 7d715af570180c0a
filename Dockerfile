# The inventory CLI in a small runtime image (no SDK): build in the SDK image as one Native AOT executable (no JIT, no
# .NET runtime to load: a whole 1,000-table scan at about half the CPU of the ReadyToRun build, bench/README.md perf34
# and aot35), copy it into the runtime-deps image (native libraries only), run as the image's non-root 'app' user.
#   docker build -t inventory .
#   docker run --rm --user "$(id -u):$(id -g)" -v "$PWD:/work" -w /work inventory scan --config inventory.yml --out inventory.json
# --user: the image runs as 'app' (UID 1654), which may not write to a bind-mounted folder of the host user (Linux);
# run as your own UID so inventory.json lands in your folder, owned by you.
# Not built on the development machines (no container runtime there): the same publish command was run and its
# executable checked there (bench/aot-smoke.sh: every command against the framework-dependent build, same outputs);
# see docs/kubernetes/README.md. `train` needs the framework-dependent build (dotnet run, or a plain dotnet publish) and says so.
# The base images by tag; a reviewer who wants them pinned passes digests:
#   docker build --build-arg SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0@sha256:… \
#                --build-arg RUNTIME_IMAGE=mcr.microsoft.com/dotnet/runtime-deps:10.0@sha256:… -t inventory .
# The build context is the sources only (.dockerignore denies everything else: a config with credentials, .env files
# and inventories in the checkout never reach the build stage).
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/runtime-deps:10.0
FROM ${SDK_IMAGE} AS build
# Native AOT links with the platform's C toolchain: clang and zlib's headers.
RUN apt-get update \
    && apt-get install -y --no-install-recommends clang zlib1g-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
ARG TARGETARCH
RUN rid=linux-$([ "$TARGETARCH" = "arm64" ] && echo arm64 || echo x64) \
    && dotnet publish scanner/Inventory.Cli/Inventory.Cli.csproj -c Release -r "$rid" --self-contained true \
       -p:PublishAot=true -p:PackAsTool=false -o /app \
    && rm -f /app/*.pdb /app/*.dbg

FROM ${RUNTIME_IMAGE} AS runtime
WORKDIR /work
COPY --from=build /app /app
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The image's non-root 'app' user, by number (APP_UID=1654) so that Kubernetes' runAsNonRoot can verify it.
USER $APP_UID
ENTRYPOINT ["/app/inventory"]
CMD ["--help"]
