package org.ethoslab.app.authoring;

import java.util.ArrayList;
import java.util.List;

/**
 * A line-by-line diff of two texts by longest common subsequence, for comparing item versions. Texts are at most
 * a few thousand lines (a curriculum file is at most 256 KiB), so the quadratic table is fine; beyond
 * {@link #MAX_CELLS} the diff falls back to "all removed, all added" rather than use unbounded memory.
 */
final class LineDiff {

  static final long MAX_CELLS = 25_000_000L;

  private LineDiff() {
  }

  /** How a line differs. */
  enum Op {
    SAME, ADDED, REMOVED,
    /** Stands for a run of unchanged lines left out by {@link #aroundChanges}; its text says how many. */
    SKIPPED
  }

  /** One line of the diff. */
  record Line(Op op, String text) {

    public String marker() {
      return switch (op) {
        case SAME -> " ";
        case ADDED -> "+";
        case REMOVED -> "-";
        case SKIPPED -> "…";
      };
    }
  }

  /** The lines that turn {@code before} into {@code after}, in order. */
  static List<Line> diff(String before, String after) {
    String[] a = lines(before);
    String[] b = lines(after);
    List<Line> out = new ArrayList<>();
    if ((long) a.length * b.length > MAX_CELLS) {
      for (String line : a) {
        out.add(new Line(Op.REMOVED, line));
      }
      for (String line : b) {
        out.add(new Line(Op.ADDED, line));
      }
      return out;
    }
    int[][] common = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      if (a[i].equals(b[j])) {
        out.add(new Line(Op.SAME, a[i++]));
        j++;
      }
      else if (common[i + 1][j] >= common[i][j + 1]) {
        out.add(new Line(Op.REMOVED, a[i++]));
      }
      else {
        out.add(new Line(Op.ADDED, b[j++]));
      }
    }
    while (i < a.length) {
      out.add(new Line(Op.REMOVED, a[i++]));
    }
    while (j < b.length) {
      out.add(new Line(Op.ADDED, b[j++]));
    }
    return out;
  }

  /** The diff with only {@code context} unchanged lines kept around each change; longer runs become one SKIPPED line. */
  static List<Line> aroundChanges(List<Line> diff, int context) {
    boolean[] keep = new boolean[diff.size()];
    for (int i = 0; i < diff.size(); i++) {
      if (diff.get(i).op() != Op.SAME) {
        for (int k = Math.max(0, i - context); k <= Math.min(diff.size() - 1, i + context); k++) {
          keep[k] = true;
        }
      }
    }
    List<Line> out = new ArrayList<>();
    int skipped = 0;
    for (int i = 0; i < diff.size(); i++) {
      if (keep[i]) {
        if (skipped > 0) {
          out.add(new Line(Op.SKIPPED, skipped + " unchanged lines"));
          skipped = 0;
        }
        out.add(diff.get(i));
      }
      else {
        skipped++;
      }
    }
    if (skipped > 0) {
      out.add(new Line(Op.SKIPPED, skipped + " unchanged lines"));
    }
    return out;
  }

  private static String[] lines(String text) {
    if (text == null || text.isEmpty()) {
      return new String[0];
    }
    return text.replace("\r\n", "\n").split("\n", -1);
  }
}
