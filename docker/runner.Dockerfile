# syntax=docker/dockerfile:1
# EthosLab CPU runner node. Build from the repository root:
#   docker build -f docker/runner.Dockerfile -t ethoslab/runner .
# Run it with the sandbox settings of docker/compose.yaml (seccomp/AppArmor/systempaths) — see docker/README.md.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY lab-contract/pom.xml lab-contract/
COPY lab-hooks/pom.xml lab-hooks/
COPY labs/pom.xml labs/
COPY curriculum/pom.xml curriculum/
COPY sandbox-runner/pom.xml sandbox-runner/
COPY app/pom.xml app/
# Dependencies in their own layer, so a source change does not download them again (best effort: whatever this
# step misses, the package step below fetches).
RUN mvn -B -q -pl labs,sandbox-runner -am dependency:go-offline -DskipTests || true
COPY . .
RUN mvn -B -q -DskipTests -pl labs,sandbox-runner -am package

# A trimmed Java runtime: a JRE plus the compiler module, because the sandboxed hook host compiles student hooks
# with javax.tools. No full JDK, no Maven at run time. jdk.httpserver: the runner's /health; jdk.management: its
# memory reading. docker/verify.sh --jlink builds this same module list and runs both programs with it.
FROM eclipse-temurin:17-jdk AS runtime
RUN jlink --add-modules java.base,java.compiler,jdk.compiler,java.desktop,java.logging,java.management,jdk.management,java.naming,java.net.http,jdk.httpserver,java.sql,java.xml,java.scripting,jdk.unsupported,jdk.zipfs,jdk.crypto.ec \
      --strip-debug --no-man-pages --no-header-files --compress=2 --output /opt/jre

FROM debian:bookworm-slim
LABEL org.opencontainers.image.title="EthosLab runner" \
      org.opencontainers.image.description="Runs EthosLab lab jobs in a bubblewrap sandbox and reports results to the app" \
      org.opencontainers.image.source="https://github.com/ethoslab/ethoslab" \
      org.opencontainers.image.licenses="Apache-2.0"
# bubblewrap: the sandbox; util-linux: prlimit, setpriv, umount; libgomp1: PyTorch's OpenMP.
RUN apt-get update && apt-get install -y --no-install-recommends bubblewrap util-linux ca-certificates libgomp1 \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system ethoslab && useradd --system --gid ethoslab --home-dir /var/lib/ethoslab ethoslab \
 && mkdir -p /opt/ethoslab /var/lib/ethoslab/work /opt/ethoslab/djl-cache
COPY --from=runtime /opt/jre /opt/jre
COPY --from=build /src/labs/target/labs.jar /opt/ethoslab/labs/labs.jar
COPY --from=build /src/labs/target/lib /opt/ethoslab/labs/lib
# The hook host's whole class path (the hook API and the contract): bound alone into the sandbox of student code.
COPY --from=build /src/labs/target/hook-host /opt/ethoslab/labs/hook-host
COPY --from=build /src/sandbox-runner/target/ethoslab-runner.jar /opt/ethoslab/runner/ethoslab-runner.jar
COPY --from=build /src/sandbox-runner/target/lib /opt/ethoslab/runner/lib
COPY docker/runner-entrypoint.sh /opt/ethoslab/runner-entrypoint.sh
ENV PATH=/opt/jre/bin:$PATH \
    JAVA_HOME=/opt/jre \
    RUNNER_HOME=/opt/ethoslab/runner \
    ETHOSLAB_LABS_HOME=/opt/ethoslab/labs \
    ETHOSLAB_RUNNER_WORK_DIR=/var/lib/ethoslab/work \
    ETHOSLAB_RUNNER_DJL_CACHE=/opt/ethoslab/djl-cache \
    ETHOSLAB_RUNNER_HEALTH_PORT=8081
# Pre-warm the DJL native cache at build time with the runner's own warm-up (PyTorch, ONNX Runtime and tokenizer
# natives from the labs' lib/ jars), marked warm for this labs build: nothing is extracted or downloaded when a job
# runs, and the cache is read-only for the runner's user and bound read-only into every sandbox.
RUN java -Dai.djl.offline=true -cp /opt/ethoslab/runner/ethoslab-runner.jar org.ethoslab.runner.CacheWarmup \
      --labs-home /opt/ethoslab/labs --djl-cache /opt/ethoslab/djl-cache \
 && chmod -R a+rX,go-w /opt/ethoslab && chown -R ethoslab:ethoslab /var/lib/ethoslab && chmod 755 /var/lib/ethoslab/work
USER ethoslab
WORKDIR /var/lib/ethoslab
# The runner's own health endpoint (127.0.0.1 only): 200 while it can take student code, 503 when it refuses it.
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/${ETHOSLAB_RUNNER_HEALTH_PORT} && printf "GET /health HTTP/1.0\r\n\r\n" >&3 && head -n1 <&3 | grep -q " 200 "'
ENTRYPOINT ["/opt/ethoslab/runner-entrypoint.sh"]
