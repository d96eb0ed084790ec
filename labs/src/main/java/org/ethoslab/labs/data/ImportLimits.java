package org.ethoslab.labs.data;

/** Size limits an importer enforces before and while reading an uploaded file. */
public record ImportLimits(long maxBytes, int maxRows, int maxFieldChars) {
  /** 50 MB, 100k rows, 20k characters per field: generous for course datasets, small for a worker's memory. */
  public static final ImportLimits DEFAULT = new ImportLimits(50L * 1024 * 1024, 100_000, 20_000);
}
