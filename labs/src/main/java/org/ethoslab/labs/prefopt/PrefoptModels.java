package org.ethoslab.labs.prefopt;

import java.nio.file.Path;

/**
 * Builds the preference-optimisation lab's SFT model into the model cache (what a runner's warm-up or the Docker
 * image does once): {@code java -cp labs/target/labs.jar org.ethoslab.labs.prefopt.PrefoptModels [CACHE_DIR]}.
 * Without an argument the cache is {@code -Dethoslab.modelCache}, {@code ETHOSLAB_MODEL_CACHE} or
 * {@code ~/.cache/ethoslab/models}. Prints the model's folder.
 */
public final class PrefoptModels {
  private PrefoptModels() {
  }

  public static void main(String[] args) throws Exception {
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
    // one thread unless told otherwise: the build is op-overhead bound, and more threads only contend
    if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_threads", "1");
      System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }
    Path root = args.length > 0 ? Path.of(args[0]) : SftCache.defaultRoot();
    long start = System.nanoTime();
    Path dir = PrefoptLab.buildModels(root);
    System.out.println(dir);
    System.err.printf(java.util.Locale.ROOT, "SFT model ready in %.1f s%n", (System.nanoTime() - start) / 1e9);
  }
}
