# The SecurityGate action image. GitHub builds it with no build-args (runs.image: Dockerfile), so the defaults must
# be the public images; CI builds the same file offline against locally imported images of the same names
# (.ci/docker/build-base-images.sh). Multi-stage: the SDK only builds, the final image holds the app alone.
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG BASE_IMAGE=mcr.microsoft.com/dotnet/runtime-deps:10.0

# The build stage runs on the builder's own platform and cross-publishes for TARGETARCH (ILLink and crossgen2 compile
# for linux-arm64 on an amd64 host: checked with `dotnet publish -r linux-arm64`), so buildx makes the arm64 image
# without emulating the SDK (release.yml). BuildKit sets BUILDPLATFORM itself (an ARG default would override it, so
# there is none); the classic builder does not set it and builds amd64 only (TARGETARCH is empty there too).
FROM --platform=${BUILDPLATFORM:-linux/amd64} ${SDK_IMAGE} AS build
# Set by BuildKit/buildx per platform (amd64, arm64); empty with the classic builder, which then builds amd64.
ARG TARGETARCH
# ReadyToRun halves start-up JIT work (see README "Performance"); false gives the plain self-contained build.
ARG READY_TO_RUN=true
# Trimming drops unused framework and library code: app layer 57 MB instead of 93 MB, at about 37 s more publish time
# (ILLink, and ReadyToRun must then recompile the trimmed framework). The libraries that must stay whole are rooted in
# SecurityGate.Cli.csproj. false gives the untrimmed self-contained build.
ARG TRIM=true
# More -p: properties for both restore and publish, for experiments (bench/image.sh), e.g. -p:PublishReadyToRunComposite=true.
ARG PUBLISH_EXTRA=
WORKDIR /src
# Restore first, from the project files alone, so the layer is reused until a dependency changes.
COPY global.json Directory.Build.props ./
COPY src/SecurityGate/SecurityGate.csproj src/SecurityGate/
COPY src/SecurityGate.Cli/SecurityGate.Cli.csproj src/SecurityGate.Cli/
COPY src/SecurityGate.Docker/SecurityGate.Docker.csproj src/SecurityGate.Docker/
COPY action/SecurityGate.Action/SecurityGate.Action.csproj action/SecurityGate.Action/
RUN case "${TARGETARCH:-amd64}" in amd64) rid=linux-x64 ;; arm64) rid=linux-arm64 ;; \
      *) echo "unsupported TARGETARCH=${TARGETARCH}" >&2; exit 1 ;; esac \
 && echo "$rid" > /tmp/rid \
 && dotnet restore src/SecurityGate.Cli/SecurityGate.Cli.csproj -r "$rid" \
      -p:SelfContained=true -p:PublishReadyToRun=${READY_TO_RUN} -p:PublishTrimmed=${TRIM} ${PUBLISH_EXTRA}
COPY src/ src/
COPY action/ action/
RUN dotnet publish src/SecurityGate.Cli/SecurityGate.Cli.csproj --no-restore -c Release -r "$(cat /tmp/rid)" \
      -p:SelfContained=true -p:PublishReadyToRun=${READY_TO_RUN} -p:PublishTrimmed=${TRIM} ${PUBLISH_EXTRA} \
      -p:DebugType=none -p:GenerateDocumentationFile=false -o /app

FROM ${BASE_IMAGE}
COPY --from=build /app /app
# Docker actions must run as root: the workspace is owned by the runner user and mounted over /github/workspace.
USER root
ENTRYPOINT ["/app/security-gate"]
