#!/usr/bin/env bash
# The exact command the app image runs. CI runs this same script outside Docker against PostgreSQL
# (app/src/test/java/org/ethoslab/app/deploy/TwoProcessDeploymentIntegrationTests.java).
set -euo pipefail
APP_JAR="${APP_JAR:-/opt/ethoslab/ethoslab-app.jar}"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
exec java ${JAVA_OPTS:-} -Dai.djl.offline=true -jar "$APP_JAR" "$@"
