package org.ethoslab.curriculum;

/**
 * Size limits that keep a malicious or mistaken upload from exhausting memory. They apply to every
 * source (built-in, directory and zip) so that what loads from a folder also loads from its zip.
 */
final class CurriculumLimits {

  /** Largest single file (Markdown or YAML), in bytes. */
  static final int MAX_FILE_BYTES = 256 * 1024;
  /** Largest sum of all files of one load, in bytes. */
  static final long MAX_TOTAL_BYTES = 16L * 1024 * 1024;
  /** Most files in one load. */
  static final int MAX_FILES = 2_000;
  /** Longest path of a file relative to the curriculum root. */
  static final int MAX_PATH_LENGTH = 240;

  private CurriculumLimits() {
  }
}
