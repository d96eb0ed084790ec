#!/usr/bin/env bash
# The exact command the runner images run. CI runs this same script outside Docker against PostgreSQL
# (app/src/test/java/org/ethoslab/app/deploy/TwoProcessDeploymentIntegrationTests.java).
# The token comes from the environment (ETHOSLAB_RUNNER_TOKEN), never from the command line or the image. Every other
# runner flag can also come from the environment, named ETHOSLAB_RUNNER_ plus the flag in capitals (ETHOSLAB_RUNNER_CPUS,
# ETHOSLAB_RUNNER_MEMORY_MB, ETHOSLAB_RUNNER_DJL_CACHE, ETHOSLAB_RUNNER_HEALTH_PORT, ETHOSLAB_RUNNER_GPUS, ...).
set -euo pipefail
RUNNER_HOME="${RUNNER_HOME:-/opt/ethoslab/runner}"
: "${ETHOSLAB_SERVER_URL:?set ETHOSLAB_SERVER_URL to the app URL, e.g. http://app:8080}"
: "${ETHOSLAB_RUNNER_TOKEN:?set ETHOSLAB_RUNNER_TOKEN to a token registered by an admin or in ETHOSLAB_RUNNER_BOOTSTRAP_TOKENS}"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
exec java ${JAVA_OPTS:--Xmx256m} -Dai.djl.offline=true -jar "$RUNNER_HOME/ethoslab-runner.jar" \
  --server "$ETHOSLAB_SERVER_URL" \
  --labs-home "${ETHOSLAB_LABS_HOME:-/opt/ethoslab/labs}" \
  --work-dir "${ETHOSLAB_RUNNER_WORK_DIR:-/var/lib/ethoslab/work}" \
  --slots "${ETHOSLAB_RUNNER_SLOTS:-2}" \
  "$@"
