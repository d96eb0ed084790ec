# syntax=docker/dockerfile:1
# EthosLab GPU runner node (NVIDIA). Build from the repository root:
#   docker build -f docker/runner-gpu.Dockerfile -t ethoslab/runner-gpu .
# CUDA: DJL 0.35.1 binds PyTorch 2.7.1; its CUDA 12.8 build needs an NVIDIA driver >= 570 on the host and the
# NVIDIA Container Toolkit. Maven Central carries no CUDA natives for PyTorch 2.7.1, so the image takes libtorch from
# PyTorch's own CUDA wheel at BUILD time and points DJL at it (PYTORCH_LIBRARY_PATH); nothing is downloaded at run time.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests -pl labs,sandbox-runner -am package

FROM eclipse-temurin:17-jdk AS runtime
RUN jlink --add-modules java.base,java.compiler,jdk.compiler,java.desktop,java.logging,java.management,java.naming,java.net.http,java.sql,java.xml,jdk.unsupported,jdk.zipfs,jdk.crypto.ec \
      --strip-debug --no-man-pages --no-header-files --compress=2 --output /opt/jre

FROM nvidia/cuda:12.8.1-cudnn-runtime-ubuntu24.04
LABEL org.opencontainers.image.title="EthosLab GPU runner" \
      org.opencontainers.image.description="Runs EthosLab GPU-tier lab jobs on NVIDIA GPUs in a bubblewrap sandbox" \
      org.opencontainers.image.source="https://github.com/ethoslab/ethoslab" \
      org.opencontainers.image.licenses="Apache-2.0"
RUN apt-get update && apt-get install -y --no-install-recommends bubblewrap util-linux ca-certificates libgomp1 python3-venv \
 && python3 -m venv /opt/torch && /opt/torch/bin/pip install --no-cache-dir torch==2.7.1 --index-url https://download.pytorch.org/whl/cu128 \
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
    PYTORCH_LIBRARY_PATH=/opt/torch/lib/python3.12/site-packages/torch/lib \
    PYTORCH_VERSION=2.7.1 \
    PYTORCH_FLAVOR=cu128 \
    ETHOSLAB_LABS_HOME=/opt/ethoslab/labs \
    ETHOSLAB_RUNNER_WORK_DIR=/var/lib/ethoslab/work
RUN java -Dai.djl.offline=true -jar /opt/ethoslab/labs/labs.jar warmup \
 && chown -R ethoslab:ethoslab /var/lib/ethoslab && chmod -R a+rX,go-w /opt/ethoslab/djl-cache
USER ethoslab
WORKDIR /var/lib/ethoslab
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD test -f /var/lib/ethoslab/work/runner.health && find /var/lib/ethoslab/work/runner.health -mmin -2 | grep -q .
ENTRYPOINT ["/opt/ethoslab/runner-entrypoint.sh"]
