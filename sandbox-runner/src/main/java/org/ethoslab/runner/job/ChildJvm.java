package org.ethoslab.runner.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ethoslab.runner.gpu.GpuShare;
import org.ethoslab.runner.gpu.TorchNatives;
import org.ethoslab.runner.sandbox.JobLimits;

/**
 * The JVM flags and environment of a labs CLI child: heap and OOM exit, the CPU share the JVM sees and the DJL and
 * OpenMP thread pools pinned to it (a cgroup quota alone does not stop oversubscription), DJL offline with the
 * runner's pre-warmed cache. Nothing secret: inside bwrap the environment is visible in /proc/1/cmdline.
 */
final class ChildJvm {

  private ChildJvm() {
  }

  static List<String> options(JobLimits limits, String tmpDir) {
    List<String> options = new ArrayList<>(List.of(
        "-Xmx" + limits.heapMb() + "m",
        "-XX:+ExitOnOutOfMemoryError",
        "-XX:ActiveProcessorCount=" + limits.cpus(),
        "-XX:-UsePerfData",
        "-Djava.io.tmpdir=" + tmpDir,
        "-Dfile.encoding=UTF-8",
        "-Dai.djl.offline=true",
        "-Dai.djl.pytorch.num_threads=" + limits.cpus(),
        "-Dai.djl.pytorch.num_interop_threads=" + limits.cpus()));
    return options;
  }

  static Map<String, String> environment(JobLimits limits, String home, String tmpDir, Path javaHome,
                                         Optional<Path> djlCache, Path modelCache) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", javaHome.resolve("bin") + ":/usr/bin:/bin");
    env.put("JAVA_HOME", javaHome.toString());
    env.put("HOME", home);
    env.put("TMPDIR", tmpDir);
    env.put("LANG", "C.UTF-8");
    env.put("OMP_NUM_THREADS", Integer.toString(limits.cpus()));
    env.put("MKL_NUM_THREADS", Integer.toString(limits.cpus()));
    env.put("DJL_OFFLINE", "true");
    djlCache.ifPresent(cache -> env.put("DJL_CACHE_DIR", cache.toString()));
    env.put("ETHOSLAB_MODEL_CACHE", modelCache.toString());
    env.putAll(TorchNatives.fromEnvironment(System.getenv()).environment());
    // CPU work never sees a GPU (an empty list hides them all), so a CPU job on a GPU node cannot take GPU memory.
    env.put("CUDA_VISIBLE_DEVICES", "");
    return env;
  }

  /** The environment of a job that holds a share of GPU {@code gpu}: CUDA sees that one device only. */
  static Map<String, String> environment(JobLimits limits, String home, String tmpDir, Path javaHome,
                                         Optional<Path> djlCache, Path modelCache, Optional<GpuShare> gpu) {
    Map<String, String> env = environment(limits, home, tmpDir, javaHome, djlCache, modelCache);
    gpu.ifPresent(share -> env.put("CUDA_VISIBLE_DEVICES", Integer.toString(share.index())));
    return env;
  }
}
