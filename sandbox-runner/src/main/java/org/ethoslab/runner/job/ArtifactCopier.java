package org.ethoslab.runner.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Copies the untrusted run's artifacts to a directory the child never saw, which is all the trusted phase reads.
 * Only regular files with plain names are copied, never through a symlink (checked with lstat and opened with
 * O_NOFOLLOW), each and all together under a size cap, and no more than {@value #MAX_ENTRIES} entries are looked at;
 * everything skipped is listed so the student can be told.
 */
final class ArtifactCopier {

  /** What came over and what did not. */
  record Copied(List<Path> files, List<String> skipped) {
  }

  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  private static final int MAX_DEPTH = 6;
  private static final int MAX_FILES = 1000;
  /** Entries looked at before the walk stops: a run that leaves 300,000 files costs the runner no more than this. */
  static final int MAX_ENTRIES = 2000;

  private ArtifactCopier() {
  }

  static Copied copy(Path from, Path to, long perFileCap, long totalCap) throws IOException {
    Files.createDirectories(to);
    List<Path> files = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    if (!Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
      return new Copied(files, skipped);
    }
    long[] total = {0};
    int[] seen = {0};
    Files.walkFileTree(from, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
      private FileVisitResult count() {
        if (++seen[0] > MAX_ENTRIES) {
          skipped.add("more than " + MAX_ENTRIES + " files and folders: the rest was not looked at");
          return FileVisitResult.TERMINATE;
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        if (count() == FileVisitResult.TERMINATE) {
          return FileVisitResult.TERMINATE;
        }
        if (!dir.equals(from) && !SAFE_NAME.matcher(dir.getFileName().toString()).matches()) {
          skipped.add(from.relativize(dir) + "/ (name)");
          return FileVisitResult.SKIP_SUBTREE;
        }
        Files.createDirectories(to.resolve(from.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (count() == FileVisitResult.TERMINATE) {
          return FileVisitResult.TERMINATE;
        }
        String relative = from.relativize(file).toString();
        if (!attrs.isRegularFile()) {
          skipped.add(relative + " (not a regular file)");
        } else if (!SAFE_NAME.matcher(file.getFileName().toString()).matches()) {
          skipped.add(relative + " (name)");
        } else if (files.size() >= MAX_FILES) {
          skipped.add(relative + " (more than " + MAX_FILES + " files)");
        } else if (attrs.size() > perFileCap) {
          skipped.add(relative + " (larger than " + perFileCap / (1 << 20) + " MB)");
        } else if (total[0] + attrs.size() > totalCap) {
          skipped.add(relative + " (all artifacts together over " + totalCap / (1 << 20) + " MB)");
        } else {
          long copied = copyCapped(file, to.resolve(relative), perFileCap);
          if (copied < 0) {
            skipped.add(relative + " (grew past the size limit while copied)");
          } else {
            total[0] += copied;
            files.add(to.resolve(relative));
          }
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        skipped.add(from.relativize(file) + " (unreadable)");
        return FileVisitResult.CONTINUE;
      }
    });
    return new Copied(files, skipped);
  }

  /** Bytes copied, or -1 when the file turned out larger than the cap. */
  private static long copyCapped(Path source, Path target, long cap) throws IOException {
    try (SeekableByteChannel channel = Files.newByteChannel(source,
        Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
         InputStream in = Channels.newInputStream(channel);
         OutputStream out = Files.newOutputStream(target, EnumSet.of(StandardOpenOption.CREATE_NEW,
             StandardOpenOption.WRITE).toArray(new StandardOpenOption[0]))) {
      byte[] buffer = new byte[64 * 1024];
      long copied = 0;
      int n;
      while ((n = in.read(buffer)) > 0) {
        copied += n;
        if (copied > cap) {
          out.close();
          Files.deleteIfExists(target);
          return -1;
        }
        out.write(buffer, 0, n);
      }
      return copied;
    }
  }
}
