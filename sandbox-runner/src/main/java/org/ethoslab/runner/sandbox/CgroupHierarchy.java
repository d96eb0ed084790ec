package org.ethoslab.runner.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Where this runner may create per-job cgroups: a directory of its own below the cgroup the runner process is in,
 * on cgroup v1 (one hierarchy per controller) or v2 (one unified hierarchy). Nesting below the runner's own cgroup
 * keeps jobs inside whatever limits the host put on the runner.
 */
public final class CgroupHierarchy {

  private static final Logger LOG = Logger.getLogger(CgroupHierarchy.class.getName());
  private static final String PREFIX = "ethoslab-runner-";
  /** Several runners may live in one JVM (tests, benchmarks): each gets its own base, {@code <pid>-<n>}. */
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final boolean unified;
  /** v1: controller name to the runner's base dir in that controller's hierarchy; v2: "unified" to the base dir. */
  private final Map<String, Path> bases;

  private CgroupHierarchy(boolean unified, Map<String, Path> bases) {
    this.unified = unified;
    this.bases = Map.copyOf(bases);
  }

  /** True for cgroup v2. */
  public boolean unified() {
    return unified;
  }

  /**
   * Finds a writable hierarchy with the memory and pids controllers (cpu too where present) and creates this
   * runner's base directory there; empty when none is writable (not root, read-only cgroupfs, v2 without delegation).
   */
  public static Optional<CgroupHierarchy> detect() {
    try {
      List<String[]> mounts = readMounts();
      Map<String, String> ownPaths = readOwnCgroupPaths();
      String baseName = PREFIX + ProcessHandle.current().pid() + "-" + INSTANCES.incrementAndGet();
      Optional<CgroupHierarchy> v1 = detectV1(mounts, ownPaths, baseName);
      return v1.isPresent() ? v1 : detectV2(mounts, ownPaths, baseName);
    } catch (IOException | RuntimeException e) {
      LOG.info("No writable cgroup hierarchy: " + e.getMessage());
      return Optional.empty();
    }
  }

  private static Optional<CgroupHierarchy> detectV1(List<String[]> mounts, Map<String, String> ownPaths,
                                                   String baseName) {
    Map<String, Path> bases = new LinkedHashMap<>();
    for (String controller : List.of("memory", "pids", "cpu", "cpuacct")) {
      for (String[] mount : mounts) {
        if (mount[2].equals("cgroup") && List.of(mount[3].split(",")).contains(controller)) {
          String own = ownPaths.getOrDefault(controller, "/");
          Path base = Path.of(mount[1] + own).resolve(baseName);
          if (makeBase(base)) {
            bases.put(controller, base);
          }
          break;
        }
      }
    }
    if (!bases.containsKey("memory") || !bases.containsKey("pids")) {
      bases.values().forEach(CgroupHierarchy::removeQuietly);
      return Optional.empty();
    }
    return Optional.of(new CgroupHierarchy(false, bases));
  }

  private static Optional<CgroupHierarchy> detectV2(List<String[]> mounts, Map<String, String> ownPaths,
                                                   String baseName) throws IOException {
    for (String[] mount : mounts) {
      if (!mount[2].equals("cgroup2")) {
        continue;
      }
      Path own = Path.of(mount[1] + ownPaths.getOrDefault("", "/"));
      Path controllers = own.resolve("cgroup.controllers");
      if (!Files.isReadable(controllers)) {
        continue;
      }
      String available = Files.readString(controllers);
      if (!available.contains("memory") || !available.contains("pids")) {
        continue;
      }
      Path base = own.resolve(baseName);
      try {
        // Delegation: the runner's own cgroup must hand memory/pids/cpu to its children; this fails where the
        // runner shares a non-root cgroup with other processes (cgroup v2's no-internal-process rule).
        String enable = available.contains("cpu") ? "+memory +pids +cpu" : "+memory +pids";
        Files.writeString(own.resolve("cgroup.subtree_control"), enable);
        if (!makeBase(base)) {
          continue;
        }
        Files.writeString(base.resolve("cgroup.subtree_control"), enable);
        return Optional.of(new CgroupHierarchy(true, Map.of("unified", base)));
      } catch (IOException e) {
        LOG.info("cgroup v2 at " + own + " is not delegated to this runner: " + e.getMessage());
        removeQuietly(base);
      }
    }
    return Optional.empty();
  }

  /** Creates the cgroups of one job with its limits. */
  public CgroupJail createJail(String jobName, JobLimits limits) throws IOException {
    Map<String, Path> dirs = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, Path> base : bases.entrySet()) {
        Path dir = base.getValue().resolve(jobName);
        Files.createDirectories(dir);
        dirs.put(base.getKey(), dir);
      }
      CgroupJail jail = new CgroupJail(unified, dirs);
      jail.applyLimits(limits);
      return jail;
    } catch (IOException | RuntimeException e) {
      new CgroupJail(unified, dirs).close();
      throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }
  }

  /** Removes jobs' cgroups left behind by runners that died (their pid no longer runs), killing what is inside. */
  public void sweepStale() {
    for (Path base : bases.values()) {
      try (Stream<Path> siblings = Files.list(base.getParent())) {
        for (Path sibling : siblings.toList()) {
          String name = sibling.getFileName().toString();
          String pid = name.startsWith(PREFIX) ? name.substring(PREFIX.length()).split("-")[0] : "";
          if (name.startsWith(PREFIX) && !sibling.equals(base) && !alive(pid)) {
            removeTree(sibling);
          }
        }
      } catch (IOException | UncheckedIOException e) {
        LOG.warning("Could not sweep stale cgroups next to " + base + ": " + e.getMessage());
      }
    }
  }

  /** Removes this runner's base directories (call at shutdown, after every job's jail is closed). */
  public void close() {
    bases.values().forEach(CgroupHierarchy::removeTree);
  }

  private static boolean alive(String pid) {
    try {
      return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return true;
    }
  }

  private static void removeTree(Path dir) {
    try (Stream<Path> children = Files.list(dir)) {
      for (Path child : children.filter(Files::isDirectory).toList()) {
        new CgroupJail(false, Map.of("x", child)).close();
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.fine("Listing " + dir + ": " + e.getMessage());
    }
    removeQuietly(dir);
  }

  private static boolean makeBase(Path base) {
    try {
      Files.createDirectories(base);
      return Files.isWritable(base.resolve("cgroup.procs"));
    } catch (IOException e) {
      return false;
    }
  }

  private static void removeQuietly(Path dir) {
    try {
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      LOG.fine("Could not remove " + dir + ": " + e.getMessage());
    }
  }

  private static List<String[]> readMounts() throws IOException {
    List<String[]> mounts = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
      String[] fields = line.split(" ");
      if (fields.length >= 4) {
        mounts.add(fields);
      }
    }
    return mounts;
  }

  /** Controller name to the runner's cgroup path; "" for the v2 hierarchy. */
  private static Map<String, String> readOwnCgroupPaths() throws IOException {
    Map<String, String> paths = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
      String[] fields = line.split(":", 3);
      if (fields.length == 3) {
        for (String controller : fields[1].split(",")) {
          paths.put(controller, fields[2]);
        }
      }
    }
    return paths;
  }
}
