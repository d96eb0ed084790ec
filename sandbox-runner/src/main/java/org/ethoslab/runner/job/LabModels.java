package org.ethoslab.runner.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.ethoslab.contract.job.JobInput;
import org.ethoslab.contract.runner.Outcome;
import org.ethoslab.runner.executor.StopSignal;
import org.ethoslab.runner.executor.SupervisedProcess;

/**
 * The runner-owned cache of the labs' pretrained models (the labs CLI's {@code ETHOSLAB_MODEL_CACHE}). Before a
 * lab's first job on this runner — and the first with another model set (a lab's {@code models} parameter) —
 * {@code labs build-models <lab> --job …} runs outside the sandbox (trusted: no student code) and builds what that
 * job's parameters need — minutes the first time, a JVM start afterwards; a lab without models answers BAD_INPUT,
 * which means nothing to build. The sandbox then binds the cache read-only, so no job trains a base model again and
 * none can alter one.
 */
final class LabModels {

  private static final Logger LOG = Logger.getLogger(LabModels.class.getName());
  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(30);

  private final Path cache;
  private final Set<String> ready = ConcurrentHashMap.newKeySet();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  LabModels(Path cache) {
    this.cache = cache;
  }

  Path cache() {
    return cache;
  }

  /** Makes sure the models {@code job} needs are in the cache; a failure is the platform's, never the student's. */
  void ensure(JobInput job, JobEnvironment env, Path javaHome, int cpus, StopSignal stop, EventStream events)
      throws JobFailure {
    String lab = job.lab();
    String key = lab + ":" + job.params().path("models").asText("default");
    if (ready.contains(key)) {
      return;
    }
    synchronized (locks.computeIfAbsent(key, id -> new Object())) {
      if (ready.contains(key)) {
        return;
      }
      events.phase("models", "Preparing the lab's pretrained models (only the first job of a lab waits for this)");
      List<String> argv = new ArrayList<>(List.of(javaHome.resolve("bin").resolve("java").toString(),
          "-Dai.djl.offline=true", "-Xmx" + Math.max(256, env.slotMemoryMb() * 6 / 10) + "m"));
      Path request = null;
      try {
        Files.createDirectories(cache);
        // Only the parameters: the models depend on nothing else, and the file is the trusted CLI's own input.
        request = Files.createTempFile(cache, ".build-", ".json");
        Files.writeString(request, new JobInput(null, lab, job.labVersion(), 0, job.params(), null, null, null, null,
            null, null, null).toJson().toString());
        argv.addAll(env.lab().command("build-models", lab, "--cpus", Integer.toString(cpus), "--job",
            request.toString()));
        ProcessBuilder builder = new ProcessBuilder(argv).directory(cache.toFile());
        builder.environment().put("ETHOSLAB_MODEL_CACHE", cache.toString());
        builder.environment().put("DJL_OFFLINE", "true");
        builder.environment().put("OMP_NUM_THREADS", Integer.toString(cpus));
        env.djlCacheDir().ifPresent(dir -> builder.environment().put("DJL_CACHE_DIR", dir.toString()));
        SupervisedProcess.Result result = SupervisedProcess.run(builder, BUILD_TIMEOUT, 16L << 20,
            (stderr, line) -> {
              if (!stderr) {
                events.childLine(false, line);
              }
            }, stop, process -> {
              process.descendants().forEach(ProcessHandle::destroyForcibly);
              process.destroyForcibly();
            });
        if (result.exitCode() == 0 || result.exitCode() == VerdictClassifier.BAD_INPUT) {
          DjlCache.openForReading(cache);
          ready.add(key);
          LOG.info("Models of lab " + lab + (result.exitCode() == 0 ? " ready in " : ": none to build; checked in ")
              + result.elapsed().toMillis() + " ms");
          return;
        }
        throw new JobFailure(FailureKind.SYSTEM, Outcome.INFRASTRUCTURE_ERROR, "Building the models of lab " + lab
            + " failed (exit " + result.exitCode() + "): " + VerdictClassifier.message(result.stderrHead()));
      } catch (IOException e) {
        throw JobFailure.system("Building the models of lab " + lab + " failed: " + e.getMessage(), e);
      } finally {
        if (request != null) {
          try {
            Files.deleteIfExists(request);
          } catch (IOException e) {
            LOG.fine("could not remove " + request);
          }
        }
      }
    }
  }
}
