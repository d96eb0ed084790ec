package org.ethoslab.runner.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The host paths a JVM needs inside the sandbox, bound read-only: the shared libraries ({@code /usr/lib},
 * {@code /usr/lib64}), the JDK itself, and the directories its symlinks point into under {@code /etc}
 * (Debian keeps {@code conf/security/java.security} and {@code cacerts} there). Nothing else of the host is visible.
 */
public final class JdkMounts {

  private JdkMounts() {
  }

  /** Read-only bind sources (bound at the same path) for a JVM from {@code javaHome}. */
  public static List<Path> of(Path javaHome) {
    Set<Path> binds = new LinkedHashSet<>();
    binds.add(Path.of("/usr/lib"));
    if (Files.isDirectory(Path.of("/usr/lib64"))) {
      binds.add(Path.of("/usr/lib64"));
    }
    Path realHome;
    try {
      realHome = javaHome.toRealPath();
    } catch (IOException e) {
      realHome = javaHome.toAbsolutePath().normalize();
    }
    if (!realHome.startsWith("/usr/lib")) {
      binds.add(realHome);
    }
    for (Path target : etcTargets(realHome)) {
      if (binds.stream().noneMatch(target::startsWith)) {
        binds.add(target);
      }
    }
    return new ArrayList<>(binds);
  }

  /** Top-level {@code /etc} directories that the JDK's symlinks point into, e.g. {@code /etc/java-17-openjdk}. */
  private static Set<Path> etcTargets(Path realHome) {
    Set<Path> targets = new LinkedHashSet<>();
    try (Stream<Path> files = Files.walk(realHome.resolve("conf"), 8)) {
      files.filter(Files::isSymbolicLink).forEach(link -> addEtcDir(link, targets));
    } catch (IOException | UncheckedIOException e) {
      // No conf directory: nothing to add.
    }
    try (Stream<Path> files = Files.walk(realHome.resolve("lib").resolve("security"), 2)) {
      files.filter(Files::isSymbolicLink).forEach(link -> addEtcDir(link, targets));
    } catch (IOException | UncheckedIOException e) {
      // No lib/security directory: nothing to add.
    }
    return targets;
  }

  private static void addEtcDir(Path link, Set<Path> targets) {
    try {
      Path target = link.toRealPath();
      if (target.startsWith("/etc") && target.getNameCount() >= 2) {
        // The JDK's own config directory whole; elsewhere (e.g. /etc/ssl/certs/java) only the linked file's
        // directory, so that nothing beside it (private keys) becomes visible.
        Path top = Path.of("/etc").resolve(target.getName(1));
        targets.add(top.getFileName().toString().startsWith("java") ? top : target.getParent());
      }
    } catch (IOException e) {
      // A dangling link: the JVM does not need it either.
    }
  }
}
