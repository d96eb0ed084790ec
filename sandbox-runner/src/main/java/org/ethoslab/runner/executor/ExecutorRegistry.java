package org.ethoslab.runner.executor;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.logging.Logger;

/** The one place executor kinds are registered: {@code bubblewrap} (default) and {@code process} (development only). */
public final class ExecutorRegistry {

  private static final Logger LOG = Logger.getLogger(ExecutorRegistry.class.getName());

  private static final Map<String, Function<ExecutorSettings, ExecutorProvider>> PROVIDERS = Map.of(
      "bubblewrap", BubblewrapExecutorProvider::new,
      "process", settings -> new ProcessExecutorProvider(settings, "process executor chosen explicitly"));

  private ExecutorRegistry() {
  }

  /** The registered executor names. */
  public static Set<String> names() {
    return new TreeSet<>(PROVIDERS.keySet());
  }

  /** Creates the named provider; throws {@link IllegalArgumentException} naming the known ones for an unknown name. */
  public static ExecutorProvider create(String name, ExecutorSettings settings) {
    Function<ExecutorSettings, ExecutorProvider> factory = PROVIDERS.get(name);
    if (factory == null) {
      throw new IllegalArgumentException("Unknown executor '" + name + "'; known: " + names());
    }
    return factory.apply(settings);
  }

  /**
   * The default choice: bubblewrap when its canary run passes, otherwise plain processes at isolation NONE (the
   * runner then refuses student code unless unsandboxed runs are allowed).
   */
  public static ExecutorProvider detect(ExecutorSettings settings) {
    ExecutorProvider bubblewrap = create("bubblewrap", settings);
    if (bubblewrap.canCreate()) {
      return bubblewrap;
    }
    bubblewrap.close();
    String why = "no sandbox: " + bubblewrap.features().detail();
    LOG.warning("Isolation NONE: " + why);
    return new ProcessExecutorProvider(settings, why);
  }
}
