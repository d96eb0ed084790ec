package org.ethoslab.curriculum;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The files of a curriculum, read fully into memory and keyed by their path relative to the curriculum
 * root with {@code /} separators. Reading everything first lets the parser treat a folder, a zip and the
 * classpath alike, and lets it check references between files before anything is returned.
 */
final class SourceFiles {

  /** Name of the generated listing of the built-in curriculum (classpath folders cannot be listed in a jar). */
  static final String INDEX_FILE = "index.txt";

  private final SortedMap<String, byte[]> files;

  private SourceFiles(SortedMap<String, byte[]> files) {
    this.files = Collections.unmodifiableSortedMap(files);
  }

  SortedMap<String, byte[]> all() {
    return files;
  }

  boolean contains(String path) {
    return files.containsKey(path);
  }

  byte[] bytes(String path) {
    return files.get(path);
  }

  String text(String path) {
    return new String(files.get(path), StandardCharsets.UTF_8);
  }

  /**
   * Reads every regular file under {@code root}; hidden files and folders (names starting with a dot) and
   * symbolic links are skipped, so a link cannot pull in a file from outside the curriculum.
   */
  static SourceFiles fromDirectory(Path root, ProblemList problems) {
    SortedMap<String, byte[]> files = new TreeMap<>();
    if (!Files.isDirectory(root)) {
      problems.add(root.toString(), 0, "is not a directory");
      return new SourceFiles(files);
    }
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(root)) {
      paths = walk.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
    } catch (IOException e) {
      problems.add(root.toString(), 0, "cannot be listed: " + e.getMessage());
      return new SourceFiles(files);
    }
    Budget budget = new Budget(problems);
    for (Path path : paths) {
      String relative = root.relativize(path).toString().replace('\\', '/');
      if (isHidden(relative) || !budget.admit(relative)) {
        continue;
      }
      try {
        long size = Files.size(path);
        if (budget.fits(relative, size)) {
          files.put(relative, Files.readAllBytes(path));
        }
      } catch (IOException e) {
        problems.add(relative, 0, "cannot be read: " + e.getMessage());
      }
    }
    return new SourceFiles(files);
  }

  /**
   * Reads a zip whose entries are paths relative to the curriculum root. Entries that would escape the
   * root ({@code ..}, absolute paths) are refused, and sizes are counted while inflating, not taken from
   * the headers, so a zip bomb stops at the limit.
   */
  static SourceFiles fromZip(InputStream zip, ProblemList problems) {
    SortedMap<String, byte[]> files = new TreeMap<>();
    Budget budget = new Budget(problems);
    try (ZipInputStream in = new ZipInputStream(zip, StandardCharsets.UTF_8)) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        String name = entry.getName();
        if (name.startsWith("/") || name.contains("\\") || List.of(name.split("/")).contains("..")) {
          problems.add(name, 0, "zip entry path must be relative and stay inside the course folder");
          continue;
        }
        if (entry.isDirectory() || isHidden(name) || name.startsWith("__MACOSX/")) {
          continue;
        }
        if (!budget.admit(name)) {
          continue;
        }
        byte[] content = in.readNBytes(CurriculumLimits.MAX_FILE_BYTES + 1);
        if (budget.fits(name, content.length)) {
          if (files.put(name, content) != null) {
            problems.add(name, 0, "appears twice in the zip");
          }
        }
      }
    } catch (ZipException e) {
      problems.add("(zip)", 0, "is not a valid zip file: " + e.getMessage());
    } catch (IOException e) {
      problems.add("(zip)", 0, "cannot be read: " + e.getMessage());
    }
    return new SourceFiles(files);
  }

  /**
   * Reads the curriculum packaged under {@code root} on the classpath, listed by {@value #INDEX_FILE}
   * (one relative path per line).
   */
  static SourceFiles fromClasspath(ClassLoader loader, String root, ProblemList problems) {
    SortedMap<String, byte[]> files = new TreeMap<>();
    String indexPath = root + "/" + INDEX_FILE;
    List<String> listed = new ArrayList<>();
    try (InputStream index = loader.getResourceAsStream(indexPath)) {
      if (index == null) {
        problems.add(indexPath, 0, "is missing from the classpath; the curriculum jar was built without its index");
        return new SourceFiles(files);
      }
      for (String line : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          listed.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + indexPath, e);
    }
    Budget budget = new Budget(problems);
    for (String path : listed) {
      if (!budget.admit(path)) {
        continue;
      }
      try (InputStream in = loader.getResourceAsStream(root + "/" + path)) {
        if (in == null) {
          problems.add(path, 0, "is listed in " + INDEX_FILE + " but missing from the classpath");
          continue;
        }
        byte[] content = in.readNBytes(CurriculumLimits.MAX_FILE_BYTES + 1);
        if (budget.fits(path, content.length)) {
          files.put(path, content);
        }
      } catch (IOException e) {
        problems.add(path, 0, "cannot be read: " + e.getMessage());
      }
    }
    return new SourceFiles(files);
  }

  private static boolean isHidden(String relative) {
    for (String part : relative.split("/")) {
      if (part.startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** Enforces {@link CurriculumLimits} across one load. */
  private static final class Budget {
    private final ProblemList problems;
    private int count;
    private long total;
    private boolean reportedCount;
    private boolean reportedTotal;

    Budget(ProblemList problems) {
      this.problems = problems;
    }

    boolean admit(String path) {
      if (path.length() > CurriculumLimits.MAX_PATH_LENGTH) {
        problems.add(path.substring(0, 60) + "…", 0,
            "path is longer than " + CurriculumLimits.MAX_PATH_LENGTH + " characters");
        return false;
      }
      if (++count > CurriculumLimits.MAX_FILES) {
        if (!reportedCount) {
          problems.add(path, 0, "too many files: the limit is " + CurriculumLimits.MAX_FILES);
          reportedCount = true;
        }
        return false;
      }
      return true;
    }

    boolean fits(String path, long size) {
      if (size > CurriculumLimits.MAX_FILE_BYTES) {
        problems.add(path, 0, "file is larger than the limit of " + CurriculumLimits.MAX_FILE_BYTES + " bytes");
        return false;
      }
      total += size;
      if (total > CurriculumLimits.MAX_TOTAL_BYTES) {
        if (!reportedTotal) {
          problems.add(path, 0, "the curriculum is larger than the limit of "
              + CurriculumLimits.MAX_TOTAL_BYTES + " bytes in total");
          reportedTotal = true;
        }
        return false;
      }
      return true;
    }
  }
}
