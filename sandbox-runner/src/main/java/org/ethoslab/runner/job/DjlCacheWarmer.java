package org.ethoslab.runner.job;

import java.lang.reflect.Method;

/**
 * Run (trusted, outside the sandbox, no student code) on the labs class path with {@code DJL_CACHE_DIR} pointing at
 * the runner's cache: loads DJL's engines so that their native libraries are extracted there once. The sandbox then
 * binds the cache read-only. Reflection only: the runner does not depend on DJL. Self-contained (no nested classes):
 * the runner copies this class file into its scratch directory and adds it to the labs class path.
 */
public final class DjlCacheWarmer {

  /** Printed when every engine found on the class path loaded. */
  public static final String WARM = "ETHOSLAB-DJL-CACHE-WARM";

  private DjlCacheWarmer() {
  }

  public static void main(String[] args) throws Exception {
    Class<?> engine;
    try {
      engine = Class.forName("ai.djl.engine.Engine");
    } catch (ClassNotFoundException e) {
      System.out.println("no DJL on the class path; nothing to warm");
      System.out.println(WARM);
      return;
    }
    Method getEngine = engine.getMethod("getEngine", String.class);
    Method hasEngine = engine.getMethod("hasEngine", String.class);
    for (String name : new String[] {"PyTorch", "OnnxRuntime"}) {
      if ((boolean) hasEngine.invoke(null, name)) {
        Object loaded = getEngine.invoke(null, name);
        System.out.println("loaded " + name + " " + loaded.getClass().getMethod("getVersion").invoke(loaded));
      }
    }
    try {
      Class.forName("ai.djl.huggingface.tokenizers.jni.LibUtils").getMethod("checkStatus").invoke(null);
      System.out.println("loaded tokenizers");
    } catch (ClassNotFoundException e) {
      System.out.println("no tokenizers on the class path");
    }
    System.out.println(WARM);
  }
}
