# syntax=docker/dockerfile:1
# EthosLab GPU runner node (NVIDIA). Build from the repository root:
#   docker build -f docker/runner-gpu.Dockerfile -t ethoslab/runner-gpu .
# Versions: DJL 0.35.1 binds PyTorch 2.7.1. Maven Central carries DJL's JNI for CUDA 12.8 (pytorch-jni, flavor cu128)
# but no CUDA build of libtorch 2.7.1, so this image installs PyTorch's own CUDA 12.8 wheel (torch==2.7.1 from
# download.pytorch.org/whl/cu128, which brings the CUDA runtime, cuBLAS and cuDNN as nvidia-* wheels) at BUILD time and
# points DJL at it with PYTORCH_LIBRARY_PATH, PYTORCH_VERSION and PYTORCH_FLAVOR (the names DJL 0.35.1 reads). Nothing
# is downloaded at run time. The host needs an NVIDIA driver >= 570 (CUDA 12.8; 570.26+ on Linux) and the NVIDIA
# Container Toolkit, which mounts the driver libraries and nvidia-smi into the container.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY lab-contract/pom.xml lab-contract/
COPY lab-hooks/pom.xml lab-hooks/
COPY labs/pom.xml labs/
COPY curriculum/pom.xml curriculum/
COPY sandbox-runner/pom.xml sandbox-runner/
COPY app/pom.xml app/
RUN mvn -B -q -pl labs,sandbox-runner -am dependency:go-offline -DskipTests || true
COPY . .
RUN mvn -B -q -DskipTests -pl labs,sandbox-runner -am package

# The same trimmed runtime as the CPU runner (see runner.Dockerfile).
FROM eclipse-temurin:17-jdk AS runtime
RUN jlink --add-modules java.base,java.compiler,jdk.compiler,java.desktop,java.logging,java.management,jdk.management,java.naming,java.net.http,jdk.httpserver,java.sql,java.xml,java.scripting,jdk.unsupported,jdk.zipfs,jdk.crypto.ec \
      --strip-debug --no-man-pages --no-header-files --compress=2 --output /opt/jre

# libtorch from PyTorch's CUDA wheel, in a stage of its own: pip and the Python sources stay out of the final image.
FROM ubuntu:24.04 AS torch
RUN apt-get update && apt-get install -y --no-install-recommends python3-venv ca-certificates \
 && python3 -m venv /opt/torch \
 && /opt/torch/bin/pip install --no-cache-dir torch==2.7.1 --index-url https://download.pytorch.org/whl/cu128

FROM ubuntu:24.04
LABEL org.opencontainers.image.title="EthosLab GPU runner" \
      org.opencontainers.image.description="Runs EthosLab lab jobs, GPU tier included, on NVIDIA GPUs in a bubblewrap sandbox" \
      org.opencontainers.image.source="https://github.com/ethoslab/ethoslab" \
      org.opencontainers.image.licenses="Apache-2.0"
RUN apt-get update && apt-get install -y --no-install-recommends bubblewrap util-linux ca-certificates libgomp1 \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system ethoslab && useradd --system --gid ethoslab --home-dir /var/lib/ethoslab ethoslab \
 && mkdir -p /opt/ethoslab /var/lib/ethoslab/work /opt/ethoslab/djl-cache
COPY --from=runtime /opt/jre /opt/jre
# libtorch and the CUDA libraries it finds next to it through its RPATH (site-packages/nvidia/*/lib).
COPY --from=torch /opt/torch/lib/python3.12/site-packages/torch/lib /opt/torch/site-packages/torch/lib
COPY --from=torch /opt/torch/lib/python3.12/site-packages/nvidia /opt/torch/site-packages/nvidia
COPY --from=build /src/labs/target/labs.jar /opt/ethoslab/labs/labs.jar
COPY --from=build /src/labs/target/lib /opt/ethoslab/labs/lib
# The hook host's whole class path (the hook API and the contract): bound alone into the sandbox of student code.
COPY --from=build /src/labs/target/hook-host /opt/ethoslab/labs/hook-host
COPY --from=build /src/sandbox-runner/target/ethoslab-runner.jar /opt/ethoslab/runner/ethoslab-runner.jar
COPY --from=build /src/sandbox-runner/target/lib /opt/ethoslab/runner/lib
COPY docker/runner-entrypoint.sh /opt/ethoslab/runner-entrypoint.sh
# NVIDIA_*: what the Container Toolkit injects (compute libraries and nvidia-smi). The runner passes PYTORCH_* to every
# labs child and binds /opt/torch/site-packages read-only into GPU and CPU jobs alike.
ENV PATH=/opt/jre/bin:$PATH \
    JAVA_HOME=/opt/jre \
    RUNNER_HOME=/opt/ethoslab/runner \
    NVIDIA_VISIBLE_DEVICES=all \
    NVIDIA_DRIVER_CAPABILITIES=compute,utility \
    PYTORCH_LIBRARY_PATH=/opt/torch/site-packages/torch/lib \
    PYTORCH_VERSION=2.7.1 \
    PYTORCH_FLAVOR=cu128 \
    ETHOSLAB_LABS_HOME=/opt/ethoslab/labs \
    ETHOSLAB_RUNNER_WORK_DIR=/var/lib/ethoslab/work \
    ETHOSLAB_RUNNER_DJL_CACHE=/opt/ethoslab/djl-cache \
    ETHOSLAB_RUNNER_HEALTH_PORT=8081 \
    ETHOSLAB_RUNNER_JOBS_PER_GPU=1
# Warm the DJL cache against the CUDA libtorch (its cu128 JNI library comes from the pytorch-jni jar). Loading libtorch
# needs no GPU, so this works on a build host without one.
RUN java -Dai.djl.offline=true -cp /opt/ethoslab/runner/ethoslab-runner.jar org.ethoslab.runner.CacheWarmup \
      --labs-home /opt/ethoslab/labs --djl-cache /opt/ethoslab/djl-cache \
 && chmod -R a+rX,go-w /opt/ethoslab /opt/torch && chown -R ethoslab:ethoslab /var/lib/ethoslab \
 && chmod 755 /var/lib/ethoslab/work
USER ethoslab
WORKDIR /var/lib/ethoslab
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/${ETHOSLAB_RUNNER_HEALTH_PORT} && printf "GET /health HTTP/1.0\r\n\r\n" >&3 && head -n1 <&3 | grep -q " 200 "'
ENTRYPOINT ["/opt/ethoslab/runner-entrypoint.sh"]
