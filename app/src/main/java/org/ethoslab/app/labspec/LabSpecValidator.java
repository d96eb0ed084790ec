package org.ethoslab.app.labspec;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import javax.lang.model.SourceVersion;

import org.ethoslab.app.queue.JobSubmission;
import org.ethoslab.contract.lab.LabSpec;
import org.ethoslab.contract.lab.LabSpec.CheckSpec;
import org.ethoslab.contract.lab.LabSpec.HookSpec;
import org.ethoslab.contract.lab.LabSpec.ParamSpec;

/**
 * Checks lab specs a runner publishes before any is stored: the app renders forms, editors and rubrics from them and
 * validates student input against them, so a spec must be well-formed and of a size a page can hold. The first problem
 * throws an {@link IllegalArgumentException} whose message starts with the field, e.g.
 * {@code labs[0].params[2].max: must not be below min (1 > 0.5)}; nothing of the batch is stored then.
 */
final class LabSpecValidator {

  static final int MAX_LABS = 100;
  static final int MAX_TITLE = 200;
  static final int MAX_SUMMARY = 4000;
  static final int MAX_HELP = 2000;
  static final int MAX_DESCRIPTION = 4000;
  /** As long as the longest hook source a student may submit: the starter code must itself be submittable. */
  static final int MAX_STARTER_CODE = 64 * 1024;
  static final int MAX_PARAMS = 100;
  static final int MAX_CHOICES = 100;
  static final int MAX_CHOICE = 100;
  static final int MAX_HOOKS = 32;
  static final int MAX_CHECKS = 100;
  static final double MAX_POINTS = 1000;
  /** Bounds and defaults of double parameters: beyond this a form's number would no longer print as written. */
  static final double MAX_MAGNITUDE = 1e15;
  static final int MAX_WALL_SECONDS = 86_400;
  static final int MAX_MEMORY_MB = 1024 * 1024;

  private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
  private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,99}");
  private static final Pattern QUALIFIED_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
  private static final Pattern CHECK_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");
  private static final Pattern METRIC = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final Set<String> TYPES = Set.of("int", "double", "boolean", "enum");

  private LabSpecValidator() {
  }

  /** Checks every spec of one publication; also refuses two specs of the same lab version. */
  static void validate(List<LabSpec> specs) {
    if (specs == null || specs.isEmpty()) {
      throw new IllegalArgumentException("body: expected a JSON array of at least one lab spec");
    }
    if (specs.size() > MAX_LABS) {
      throw new IllegalArgumentException("body: " + specs.size() + " lab specs, the limit is " + MAX_LABS);
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < specs.size(); i++) {
      String at = "labs[" + i + "]";
      LabSpec spec = specs.get(i);
      if (spec == null) {
        throw new IllegalArgumentException(at + ": expected a lab spec object, got null");
      }
      validate(spec, at);
      if (!seen.add(spec.id() + "@" + spec.version())) {
        throw new IllegalArgumentException(at + ": lab " + spec.id() + " version " + spec.version()
            + " appears twice in one publication");
      }
    }
  }

  private static void validate(LabSpec spec, String at) {
    matches(spec.id(), JobSubmission.LAB_ID, at + ".id",
        "lower-case letters, digits, '.', '_' or '-' (at most 80)");
    matches(spec.version(), JobSubmission.VERSION, at + ".version",
        "letters, digits, '.', '_', '+' or '-' (at most 40)");
    String lab = " (lab " + spec.id() + "@" + spec.version() + ")";
    text(spec.title(), MAX_TITLE, true, at + ".title", lab);
    text(spec.summary(), MAX_SUMMARY, false, at + ".summary", lab);
    if (spec.computeTier() == null || !JobSubmission.TIERS.contains(spec.computeTier())) {
      fail(at + ".computeTier", "expected one of " + JobSubmission.TIERS + ", got " + quoted(spec.computeTier()), lab);
    }
    if (spec.limits() == null) {
      fail(at + ".limits", "required: {wallSeconds, cpuSeconds, memoryMb}", lab);
    }
    range(spec.limits().wallSeconds(), 1, MAX_WALL_SECONDS, at + ".limits.wallSeconds", lab);
    range(spec.limits().cpuSeconds(), 1, 10L * MAX_WALL_SECONDS, at + ".limits.cpuSeconds", lab);
    range(spec.limits().memoryMb(), 64, MAX_MEMORY_MB, at + ".limits.memoryMb", lab);
    count(spec.params().size(), MAX_PARAMS, at + ".params", lab);
    count(spec.hooks().size(), MAX_HOOKS, at + ".hooks", lab);
    count(spec.checks().size(), MAX_CHECKS, at + ".checks", lab);
    Set<String> names = new HashSet<>();
    for (int i = 0; i < spec.params().size(); i++) {
      String where = at + ".params[" + i + "]";
      ParamSpec p = spec.params().get(i);
      param(p, where, lab);
      unique(names, p.name(), where + ".name", lab);
    }
    names.clear();
    for (int i = 0; i < spec.hooks().size(); i++) {
      String where = at + ".hooks[" + i + "]";
      HookSpec h = spec.hooks().get(i);
      hook(h, where, lab);
      unique(names, h.name(), where + ".name", lab);
    }
    names.clear();
    for (int i = 0; i < spec.checks().size(); i++) {
      String where = at + ".checks[" + i + "]";
      CheckSpec c = spec.checks().get(i);
      check(c, where, lab);
      unique(names, c.id(), where + ".id", lab);
    }
  }

  private static void param(ParamSpec p, String at, String lab) {
    if (p == null) {
      fail(at, "expected a parameter object, got null", lab);
    }
    matches(p.name(), PARAM_NAME, at + ".name", "a letter, then letters, digits or '_' (at most 64)");
    text(p.help(), MAX_HELP, false, at + ".help", lab);
    if (p.type() == null || !TYPES.contains(p.type())) {
      fail(at + ".type", "expected int, double, boolean or enum, got " + quoted(p.type()), lab);
    }
    boolean number = p.type().equals("int") || p.type().equals("double");
    if (!number && (p.min() != null || p.max() != null)) {
      fail(at + ".min", "only int and double parameters have bounds", lab);
    }
    if (!p.type().equals("enum") && p.choices() != null && !p.choices().isEmpty()) {
      fail(at + ".choices", "only enum parameters have choices", lab);
    }
    if (p.defaultValue() == null) {
      fail(at + ".default", "required: the value a job runs with when nobody sets it", lab);
    }
    switch (p.type()) {
      case "int" -> {
        double limit = Integer.MAX_VALUE;
        bound(p.min(), limit, true, at + ".min", lab);
        bound(p.max(), limit, true, at + ".max", lab);
        if (!(p.defaultValue() instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
          fail(at + ".default", "must be a whole number, got " + p.defaultValue(), lab);
        }
      }
      case "double" -> {
        bound(p.min(), MAX_MAGNITUDE, false, at + ".min", lab);
        bound(p.max(), MAX_MAGNITUDE, false, at + ".max", lab);
        if (!(p.defaultValue() instanceof Number)) {
          fail(at + ".default", "must be a number, got " + p.defaultValue(), lab);
        }
      }
      case "boolean" -> {
        if (!(p.defaultValue() instanceof Boolean)) {
          fail(at + ".default", "must be true or false, got " + p.defaultValue(), lab);
        }
      }
      default -> choices(p, at, lab);
    }
    if (number) {
      if (p.min() != null && p.max() != null && p.min() > p.max()) {
        fail(at + ".max", "must not be below min (" + ParamSpec.plain(p.min()) + " > " + ParamSpec.plain(p.max())
            + ")", lab);
      }
      double value = ((Number) p.defaultValue()).doubleValue();
      if (!Double.isFinite(value) || (p.min() != null && value < p.min()) || (p.max() != null && value > p.max())) {
        String within = p.min() == null && p.max() == null ? "any finite number" : p.range();
        fail(at + ".default", "must lie within " + within + ", got " + p.defaultValue(), lab);
      }
    }
  }

  private static void choices(ParamSpec p, String at, String lab) {
    if (p.choices() == null || p.choices().isEmpty()) {
      fail(at + ".choices", "an enum parameter needs at least one choice", lab);
    }
    count(p.choices().size(), MAX_CHOICES, at + ".choices", lab);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < p.choices().size(); i++) {
      String where = at + ".choices[" + i + "]";
      text(p.choices().get(i), MAX_CHOICE, true, where, lab);
      unique(seen, p.choices().get(i), where, lab);
    }
    if (!(p.defaultValue() instanceof String s) || !p.choices().contains(s)) {
      fail(at + ".default", "must be one of " + p.choices() + ", got " + p.defaultValue(), lab);
    }
  }

  private static void hook(HookSpec h, String at, String lab) {
    if (h == null) {
      fail(at, "expected a hook object, got null", lab);
    }
    if (h.name() == null || !CLASS_NAME.matcher(h.name()).matches() || SourceVersion.isKeyword(h.name())) {
      fail(at + ".name", "expected a Java class name (letters, digits, '_'; at most 100), got " + quoted(h.name()),
          lab);
    }
    if (h.interfaceName() == null || h.interfaceName().length() > 200
        || !QUALIFIED_NAME.matcher(h.interfaceName()).matches()) {
      fail(at + ".interfaceName", "expected a qualified Java interface name (at most 200), got "
          + quoted(h.interfaceName()), lab);
    }
    text(h.description(), MAX_DESCRIPTION, false, at + ".description", lab);
    text(h.starterCode(), MAX_STARTER_CODE, true, at + ".starterCode", lab);
  }

  private static void check(CheckSpec c, String at, String lab) {
    if (c == null) {
      fail(at, "expected a check object, got null", lab);
    }
    matches(c.id(), CHECK_ID, at + ".id", "letters, digits, '.', '_' or '-' (at most 80)");
    text(c.description(), MAX_DESCRIPTION, true, at + ".description", lab);
    matches(c.metric(), METRIC, at + ".metric", "a metric name of letters, digits, '.', '_' or '-' (at most 100)");
    if (!">=".equals(c.op()) && !"<=".equals(c.op())) {
      fail(at + ".op", "expected >= or <=, got " + quoted(c.op()), lab);
    }
    if (!Double.isFinite(c.points()) || c.points() < 0 || c.points() > MAX_POINTS) {
      fail(at + ".points", "must be between 0 and " + (int) MAX_POINTS + ", got " + c.points(), lab);
    }
    if (!Double.isFinite(c.threshold())) {
      fail(at + ".threshold", "must be a finite number", lab);
    }
  }

  private static void bound(Double value, double limit, boolean whole, String at, String lab) {
    if (value == null) {
      return;
    }
    if (!Double.isFinite(value) || Math.abs(value) > limit) {
      fail(at, "must be a number between -" + ParamSpec.plain(limit) + " and " + ParamSpec.plain(limit) + ", got "
          + value, lab);
    }
    if (whole && value != Math.rint(value)) {
      fail(at, "an int parameter's bound must be a whole number, got " + value, lab);
    }
  }

  private static void text(String value, int max, boolean required, String at, String lab) {
    if (value == null || value.isBlank()) {
      if (required) {
        fail(at, "required text is missing", lab);
      }
      return;
    }
    if (value.length() > max) {
      fail(at, value.length() + " characters, the limit is " + max, lab);
    }
  }

  private static void matches(String value, Pattern pattern, String at, String expected) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(at + ": expected " + expected + ", got " + quoted(value));
    }
  }

  private static void range(long value, long min, long max, String at, String lab) {
    if (value < min || value > max) {
      fail(at, "must be between " + min + " and " + max + ", got " + value, lab);
    }
  }

  private static void count(int size, int max, String at, String lab) {
    if (size > max) {
      fail(at, size + " entries, the limit is " + max, lab);
    }
  }

  private static void unique(Set<String> seen, String value, String at, String lab) {
    if (!seen.add(value)) {
      fail(at, quoted(value) + " appears twice", lab);
    }
  }

  private static void fail(String at, String problem, String lab) {
    throw new IllegalArgumentException(at + ": " + problem + lab);
  }

  private static String quoted(String value) {
    if (value == null) {
      return "nothing";
    }
    return "'" + (value.length() > 80 ? value.substring(0, 80) + "…" : value) + "'";
  }
}
