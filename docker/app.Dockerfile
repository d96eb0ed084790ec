# syntax=docker/dockerfile:1
# EthosLab web app. Build from the repository root:  docker build -f docker/app.Dockerfile -t ethoslab/app .
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY lab-contract/pom.xml lab-contract/
COPY lab-hooks/pom.xml lab-hooks/
COPY labs/pom.xml labs/
COPY curriculum/pom.xml curriculum/
COPY sandbox-runner/pom.xml sandbox-runner/
COPY app/pom.xml app/
# Dependencies in their own layer (best effort: whatever this step misses, the package step fetches).
RUN mvn -B -q dependency:go-offline -DskipTests || true
COPY . .
# The app's fat jar: curriculum, the runner protocol and Spring Boot inside; the labs run on runner nodes only.
RUN mvn -B -q -DskipTests -pl app -am package

FROM eclipse-temurin:17-jre
LABEL org.opencontainers.image.title="EthosLab app" \
      org.opencontainers.image.description="Course platform for AI ethics with graded live labs: web app, job queue, runner API" \
      org.opencontainers.image.source="https://github.com/ethoslab/ethoslab" \
      org.opencontainers.image.licenses="Apache-2.0"
RUN groupadd --system ethoslab && useradd --system --gid ethoslab --home-dir /var/lib/ethoslab ethoslab \
 && mkdir -p /opt/ethoslab /var/lib/ethoslab/artifacts && chown -R ethoslab:ethoslab /var/lib/ethoslab
COPY --from=build /src/app/target/ethoslab-app.jar /opt/ethoslab/ethoslab-app.jar
COPY docker/app-entrypoint.sh /opt/ethoslab/app-entrypoint.sh
USER ethoslab
WORKDIR /var/lib/ethoslab
# No embedded runner in a container: runner containers (or nodes) claim the jobs. Artifacts live on a volume.
ENV APP_JAR=/opt/ethoslab/ethoslab-app.jar \
    SERVER_ADDRESS=0.0.0.0 \
    JAVA_OPTS="-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError" \
    ETHOSLAB_RUNNER_EMBEDDED_ENABLED=false \
    ETHOSLAB_QUEUE_ARTIFACTDIR=/var/lib/ethoslab/artifacts
EXPOSE 8080
# Spring Boot Actuator's health (public, no details): {"status":"UP"} once the database answers.
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=5 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /actuator/health HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && grep -q "\"UP\"" <&3'
ENTRYPOINT ["/opt/ethoslab/app-entrypoint.sh"]
