#!/usr/bin/env bash
# Checks the Docker deployment without a Docker engine (CI calls this; see docker/README.md, "Verified without a
# Docker engine"):
#   1. docker-compose parses compose.yaml with the settings of .env.example, with and without the gpu profile;
#   2. the entrypoint scripts are valid bash;
#   3. with --jlink: the runner images' trimmed Java runtime (the module list is read from runner.Dockerfile, so the
#      two cannot drift apart) starts the runner, the labs CLI and the DJL cache warm-up, and runs a reduced W2S job
#      whose student hook a local hook host compiles and serves. Needs a JDK with jmods and a built tree
#      (mvn -B -DskipTests package).
# The Dockerfiles' COPY sources and the two-process run of the entrypoints are checked by the app's
# *DeploymentIntegrationTests during mvn verify.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

if ! command -v docker-compose >/dev/null; then
  echo "verify.sh: docker-compose is missing (Debian: apt-get install docker-compose)" >&2
  exit 1
fi
cp "$here/.env.example" "$scratch/.env"
docker-compose --project-directory "$here" --env-file "$scratch/.env" -f "$here/compose.yaml" config -q
docker-compose --project-directory "$here" --env-file "$scratch/.env" -f "$here/compose.yaml" --profile gpu config -q
echo "compose.yaml: valid (default and gpu profile)"

for script in "$here/app-entrypoint.sh" "$here/runner-entrypoint.sh"; do
  bash -n "$script"
  test -x "$script" || { echo "verify.sh: $script is not executable" >&2; exit 1; }
done
echo "entrypoints: valid bash, executable"

if [[ "${1:-}" == "--jlink" ]]; then
  modules="$(grep -o -- '--add-modules [^ ]*' "$here/runner.Dockerfile" | head -n1 | cut -d' ' -f2)"
  gpu_modules="$(grep -o -- '--add-modules [^ ]*' "$here/runner-gpu.Dockerfile" | head -n1 | cut -d' ' -f2)"
  [[ "$modules" == "$gpu_modules" ]] || { echo "verify.sh: the two runner images trim Java differently" >&2; exit 1; }
  jlink --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --output "$scratch/jre"
  jre="$scratch/jre/bin/java"
  "$jre" -jar "$root/sandbox-runner/target/ethoslab-runner.jar" --help >/dev/null
  "$jre" -Dai.djl.offline=true -jar "$root/labs/target/labs.jar" list >/dev/null
  "$jre" -Dai.djl.offline=true -cp "$root/sandbox-runner/target/ethoslab-runner.jar" org.ethoslab.runner.CacheWarmup \
    --labs-home "$root/labs/target" --djl-cache "$scratch/djl-cache" >/dev/null
  # A reduced weak-to-strong run with a student hook: a hook host on the runtime compiles it with jdk.compiler.
  cat > "$scratch/job.json" <<'JOB'
{"lab":"w2s","labVersion":"2","seed":42,
 "params":{"numSeeds":1,"numTeachers":1,"trainSize":200,"testSize":100,"strongSteps":20},
 "resources":{"cpus":1,"memoryMb":2048,"device":"cpu"},
 "hooks":{"SoftVote":"import org.ethoslab.hooks.w2s.Voting;\npublic class SoftVote implements Voting {\n  public double[] combine(double[][] t) {\n    double[] out = new double[t[0].length];\n    for (double[] p : t) for (int c = 0; c < out.length; c++) out[c] += p[c] / t.length;\n    return out;\n  }\n}\n"}}
JOB
  DJL_CACHE_DIR="$scratch/djl-cache" "$jre" -Dai.djl.offline=true -jar "$root/labs/target/labs.jar" \
    run "$scratch/job.json" --out "$scratch/out" --hooks local >/dev/null
  DJL_CACHE_DIR="$scratch/djl-cache" "$jre" -Dai.djl.offline=true -jar "$root/labs/target/labs.jar" \
    evaluate "$scratch/job.json" --artifacts "$scratch/out" --hooks local > "$scratch/evaluation.json"
  grep -q '"hooks.SoftVote.agreement":1.0' "$scratch/evaluation.json" \
    || { echo "verify.sh: the hook host did not answer the probes" >&2; exit 1; }
  echo "jlink runtime ($modules): runner, labs CLI, DJL warm-up and a W2S run with a hook host work"
fi
