# syntax=docker/dockerfile:1
# EthosLab CPU runner node. Build from the repository root:
#   docker build -f docker/runner.Dockerfile -t ethoslab/runner .
# Run it with the sandbox settings of docker/compose.yaml (seccomp/AppArmor/systempaths) — see docker/README.md.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY labs/pom.xml labs/
COPY curriculum/pom.xml curriculum/
COPY sandbox-runner/pom.xml sandbox-runner/
COPY app/pom.xml app/
RUN mvn -B -q dependency:go-offline -DskipTests || true
COPY . .
RUN mvn -B -q -DskipTests -pl labs,sandbox-runner -am package

# A trimmed Java runtime: a JRE plus the compiler module, because the sandboxed labs child compiles student hooks
# with javax.tools. No full JDK, no Maven at run time.
FROM eclipse-temurin:17-jdk AS runtime
RUN jlink --add-modules java.base,java.compiler,jdk.compiler,java.desktop,java.logging,java.management,java.naming,java.net.http,java.sql,java.xml,jdk.unsupported,jdk.zipfs,jdk.crypto.ec \
      --strip-debug --no-man-pages --no-header-files --compress=2 --output /opt/jre

FROM debian:bookworm-slim
LABEL org.opencontainers.image.title="EthosLab runner" \
      org.opencontainers.image.description="Runs EthosLab lab jobs in a bubblewrap sandbox and reports results to the app" \
      org.opencontainers.image.source="https://github.com/ethoslab/ethoslab" \
      org.opencontainers.image.licenses="Apache-2.0"
RUN apt-get update && apt-get install -y --no-install-recommends bubblewrap util-linux ca-certificates libgomp1 \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system ethoslab && useradd --system --gid ethoslab --home-dir /var/lib/ethoslab ethoslab \
 && mkdir -p /opt/ethoslab /var/lib/ethoslab/work /opt/ethoslab/djl-cache
COPY --from=runtime /opt/jre /opt/jre
COPY --from=build /src/labs/target/labs.jar /opt/ethoslab/labs/labs.jar
COPY --from=build /src/labs/target/lib /opt/ethoslab/labs/lib
COPY --from=build /src/sandbox-runner/target/ethoslab-runner.jar /opt/ethoslab/runner/ethoslab-runner.jar
COPY --from=build /src/sandbox-runner/target/lib /opt/ethoslab/runner/lib
COPY docker/runner-entrypoint.sh /opt/ethoslab/runner-entrypoint.sh
ENV PATH=/opt/jre/bin:$PATH \
    JAVA_HOME=/opt/jre \
    DJL_CACHE_DIR=/opt/ethoslab/djl-cache \
    ETHOSLAB_LABS_HOME=/opt/ethoslab/labs \
    ETHOSLAB_RUNNER_WORK_DIR=/var/lib/ethoslab/work
# Pre-warm the DJL native cache at build time (the PyTorch natives ship inside the labs' lib/ jars; extraction happens
# here once), so nothing is extracted or downloaded when a job runs. The cache is then read-only for jobs.
RUN java -Dai.djl.offline=true -jar /opt/ethoslab/labs/labs.jar warmup \
 && chown -R ethoslab:ethoslab /var/lib/ethoslab && chmod -R a+rX,go-w /opt/ethoslab/djl-cache
USER ethoslab
WORKDIR /var/lib/ethoslab
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD test -f /var/lib/ethoslab/work/runner.health && find /var/lib/ethoslab/work/runner.health -mmin -2 | grep -q .
ENTRYPOINT ["/opt/ethoslab/runner-entrypoint.sh"]
