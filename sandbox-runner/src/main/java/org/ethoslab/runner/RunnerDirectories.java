package org.ethoslab.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.ethoslab.runner.executor.DirectoryTree;

/**
 * Where the runner keeps what its sandboxes must reach. A root runner drops every sandbox to an unprivileged uid, and
 * bubblewrap resolves bind sources as that uid: a work directory or labs build inside a folder others cannot enter
 * (a 0700 home, {@code mktemp -d}) would make the sandbox fail and isolation drop to NONE. So a root runner keeps its
 * job, canary and cache directories where every ancestor is traversable — the configured work directory when it
 * is, else a runner-owned directory under {@code /var/lib} (or {@code /var/tmp}) — and mirrors the labs build there
 * (hard links where the files are world-readable, copies where not). It says so in the log.
 *
 * @param workDir      the directory jobs, the canary and the caches live in
 * @param channelRoot  a short runner-owned directory for hook sockets
 * @param moved        original → mirrored paths of the labs build (empty when nothing had to move)
 */
record RunnerDirectories(Path workDir, Path channelRoot, Map<Path, Path> moved) {

  private static final Logger LOG = Logger.getLogger(RunnerDirectories.class.getName());
  private static final Set<PosixFilePermission> TRAVERSABLE = PosixFilePermissions.fromString("rwx--x--x");
  private static final List<Path> FALLBACK_ROOTS = List.of(Path.of("/var/lib/ethoslab-runner"),
      Path.of("/var/tmp/ethoslab-runner"));

  /**
   * The directories for a runner configured with {@code configured} as work directory, mirroring {@code sources}
   * (the labs build's read-only paths) when a sandbox uid could not reach them.
   */
  static RunnerDirectories prepare(Path configured, boolean root, List<Path> sources) {
    Path wanted = configured.toAbsolutePath().normalize();
    createDirectories(wanted);
    Path workDir = wanted;
    Map<Path, Path> moved = new LinkedHashMap<>();
    if (root) {
      Path blocked = firstUntraversable(wanted);
      if (blocked != null) {
        workDir = fallback(wanted);
        LOG.warning("The runner work directory " + wanted + " is inside " + blocked + ", which other users cannot "
            + "enter (mode " + mode(blocked) + "), so the sandbox's unprivileged uid could not reach it. Jobs, the "
            + "canary and the caches live in " + workDir + " instead.");
      }
      setMode(workDir, TRAVERSABLE);
      createDirectories(workDir.resolve("jobs"));
      setMode(workDir.resolve("jobs"), TRAVERSABLE);
      for (Path source : sources) {
        Path real = source.toAbsolutePath().normalize();
        Path blockedSource = firstUntraversable(real);
        if (blockedSource != null || !readableByOthers(real)) {
          createDirectories(workDir.resolve("dist"));
          setMode(workDir.resolve("dist"), TRAVERSABLE);
          Path mirror = workDir.resolve("dist").resolve(hash(real.toString()).substring(0, 12) + "-"
              + real.getFileName());
          mirror(real, mirror);
          moved.put(real, mirror);
          LOG.warning("The labs build " + real + " is not readable by other users"
              + (blockedSource == null ? "" : " (" + blockedSource + " is mode " + mode(blockedSource) + ")")
              + ": the sandbox reads a mirror of it in " + mirror + ".");
        }
      }
    }
    Path channelRoot = Path.of(System.getProperty("java.io.tmpdir"), "ethoslab-hooks-"
        + hash(workDir.toString()).substring(0, 10));
    createDirectories(channelRoot);
    setMode(channelRoot, root ? TRAVERSABLE : PosixFilePermissions.fromString("rwx------"));
    return new RunnerDirectories(workDir, channelRoot, moved);
  }

  /**
   * The first folder on the way to {@code path} (the path itself when it is a folder, its ancestors) that others cannot
   * traverse, or null when all can.
   */
  static Path firstUntraversable(Path path) {
    for (Path p = Files.isDirectory(path) ? path : path.getParent(); p != null; p = p.getParent()) {
      try {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
        if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
          return p;
        }
      } catch (IOException e) {
        return p;
      }
    }
    return null;
  }

  private static boolean readableByOthers(Path tree) {
    try (Stream<Path> files = Files.walk(tree)) {
      return files.allMatch(p -> {
        try {
          Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
          return perms.contains(PosixFilePermission.OTHERS_READ)
              && (!Files.isDirectory(p) || perms.contains(PosixFilePermission.OTHERS_EXECUTE));
        } catch (IOException e) {
          return false;
        }
      });
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  private static Path fallback(Path wanted) {
    String name = hash(wanted.toString()).substring(0, 16);
    List<String> tried = new ArrayList<>();
    for (Path base : FALLBACK_ROOTS) {
      try {
        Files.createDirectories(base);
        setMode(base, TRAVERSABLE);
        if (firstUntraversable(base) == null) {
          Path dir = base.resolve(name);
          Files.createDirectories(dir);
          setMode(dir, TRAVERSABLE);
          return dir;
        }
        tried.add(base + " (an ancestor is not traversable)");
      } catch (IOException | UncheckedIOException e) {
        tried.add(base + " (" + e.getMessage() + ")");
      }
    }
    throw new IllegalArgumentException("The runner work directory " + wanted + " is not reachable by the sandbox's "
        + "unprivileged uid, and no fallback could be made: " + String.join("; ", tried) + ". Start the runner with "
        + "--work-dir in a directory every user can traverse (chmod o+x on its parents).");
  }

  /** A fresh mirror of {@code source}: hard links for world-readable files, copies otherwise; all readable. */
  private static void mirror(Path source, Path mirror) {
    try {
      deleteTree(mirror);
      try (Stream<Path> files = Files.walk(source)) {
        for (Path from : files.toList()) {
          Path to = mirror.resolve(source.relativize(from).toString());
          if (Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(to);
            setMode(to, PosixFilePermissions.fromString("rwxr-xr-x"));
          } else if (Files.isRegularFile(from, LinkOption.NOFOLLOW_LINKS)) {
            link(from, to);
          }
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalArgumentException("Could not mirror " + source + " to " + mirror + " for the sandbox: "
          + e.getMessage(), e);
    }
  }

  private static void link(Path from, Path to) throws IOException {
    if (Files.getPosixFilePermissions(from).contains(PosixFilePermission.OTHERS_READ)) {
      try {
        Files.createLink(to, from);
        return;
      } catch (FileSystemException | UnsupportedOperationException crossDevice) {
        // Another file system: copy below.
      }
    }
    Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
    setMode(to, PosixFilePermissions.fromString("rw-r--r--"));
  }

  private static void deleteTree(Path dir) throws IOException {
    String problem = DirectoryTree.delete(dir);
    if (!problem.isEmpty()) {
      throw new IOException("the old mirror " + dir + " could not be removed: " + problem);
    }
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IllegalArgumentException("--work-dir " + dir + " cannot be created: " + e.getMessage(), e);
    }
  }

  private static void setMode(Path path, Set<PosixFilePermission> mode) {
    try {
      Files.setPosixFilePermissions(path, mode);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String mode(Path path) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    } catch (IOException e) {
      return "unreadable";
    }
  }

  private static String hash(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
