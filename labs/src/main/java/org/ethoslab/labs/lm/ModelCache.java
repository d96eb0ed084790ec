package org.ethoslab.labs.lm;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Consumer;
import org.ethoslab.labs.core.DirectoryTree;

/**
 * Built models by recipe hash, in a directory of their own (never the read-only DJL cache): {@code
 * -Dethoslab.modelCache}, else env {@code ETHOSLAB_MODEL_CACHE}, else {@code ~/.cache/ethoslab/models}. A model
 * is built into a temporary sibling folder and renamed into place in one atomic step, so a reader sees a complete
 * model or none, and two processes building the same recipe both end with the same complete folder. A read-only
 * cache (as a sandbox binds it) that lacks a model gets it built into a fallback folder instead.
 */
public final class ModelCache {
  public static final String PROPERTY = "ethoslab.modelCache";
  public static final String ENV = "ETHOSLAB_MODEL_CACHE";
  /** Marker written last inside a model folder before the rename. */
  static final String COMPLETE = "COMPLETE";

  private final Path root;
  private final Path fallback;

  /** A cache at {@code root}; models that cannot be written there go under {@code fallback}. */
  public ModelCache(Path root, Path fallback) {
    this.root = root;
    this.fallback = fallback;
  }

  /** The configured cache, falling back to {@code scratch} when it is read-only. */
  public static ModelCache configured(Path scratch) {
    return new ModelCache(configuredRoot(), scratch.resolve("models"));
  }

  public static Path configuredRoot() {
    String prop = System.getProperty(PROPERTY);
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop);
    }
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "ethoslab", "models");
  }

  public Path root() {
    return root;
  }

  /** What names a cached model: a folder name that includes the hash of everything that determines its weights. */
  public interface Key {
    /** Hex digest of the model's recipe. */
    String hash();

    /** The model's folder in the cache; contains {@link #hash()}. */
    String folderName();
  }

  /** Writes a model's files into the given (empty, temporary) folder. */
  @FunctionalInterface
  public interface Builder {
    void build(Path dir) throws Exception;
  }

  /** Where the recipe's model is, complete, or {@code null} when it is not built yet. */
  public Path find(Key recipe) {
    for (Path base : new Path[] {root, fallback}) {
      Path dir = base.resolve(recipe.folderName());
      if (Files.isRegularFile(dir.resolve(COMPLETE))) {
        return dir;
      }
    }
    return null;
  }

  /**
   * The recipe's folder, built first with {@code builder} when missing ({@code log} hears which happened).
   * Building happens in the cache when it is writable, else in the fallback folder.
   */
  public Path getOrBuild(Key recipe, Builder builder, Consumer<String> log) throws Exception {
    Path found = find(recipe);
    if (found != null) {
      log.accept("model " + recipe.folderName() + " loaded from cache " + found.getParent());
      return found;
    }
    boolean rootWritable = writable(root);
    Path base = rootWritable ? root : fallback;
    if (!rootWritable) {
      log.accept("model cache " + root + " is not writable; building " + recipe.folderName() + " into "
          + fallback);
    }
    Files.createDirectories(base);
    Path target = base.resolve(recipe.folderName());
    Path tmp = Files.createTempDirectory(base, ".building-" + recipe.folderName() + "-");
    // A temporary folder is owner-only; sandboxed jobs run as other users and must be able to read the model.
    if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    long start = System.currentTimeMillis();
    log.accept("model " + recipe.folderName() + " not in cache: building it (one-off)");
    try {
      builder.build(tmp);
      Files.writeString(tmp.resolve(COMPLETE), recipe.hash() + "\n");
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("cannot rename atomically inside " + base + ": " + e.getMessage(), e);
      } catch (IOException e) {
        if (!Files.isRegularFile(target.resolve(COMPLETE))) {
          throw e;
        }
        // Another process finished the same recipe first (rename onto its non-empty folder failed);
        // its folder is equivalent.
        DirectoryTree.delete(tmp);
      }
    } catch (Exception e) {
      DirectoryTree.delete(tmp);
      throw e;
    }
    if (!Files.isRegularFile(target.resolve(COMPLETE))) {
      throw new IOException("model folder " + target + " exists but is incomplete; delete it and rebuild");
    }
    log.accept(String.format(java.util.Locale.ROOT, "model %s built in %.1f s", recipe.folderName(),
        (System.currentTimeMillis() - start) / 1000.0));
    return target;
  }

  private static boolean writable(Path dir) {
    try {
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".probe-", ".tmp");
      Files.delete(probe);
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }
}
