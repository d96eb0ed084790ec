package org.ethoslab.contract.job;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ethoslab.contract.ContractJson;

/**
 * One lab job: what the app submits, the runner claims and the labs CLI reads from {@code job.json}.
 *
 * @param jobId      the queue's id ({@code local} on the command line)
 * @param lab        lab id
 * @param labVersion the lab version the input was validated against, or null for the newest
 * @param seed       the job seed every untrusted random stream derives from
 * @param params     parameter name → value, checked against the lab's spec by the labs
 * @param hooks      student hook class name → Java source; a hook not given runs the lab's reference
 * @param rubric     check id → the instructor's threshold and/or points override
 * @param resources  CPU share, memory and device the job runs with
 * @param limits     runner-only overrides of the job's limits (the runner passes none of it to the labs)
 * @param hidden     trusted-phase data ({@code evalSeed}, {@code dataset}); the runner strips it before the run
 * @param dataset    an uploaded data file next to the job file, for labs that accept one
 * @param baseDir    the job file's directory, against which data file names resolve; not part of the JSON
 */
public record JobInput(String jobId, String lab, String labVersion, long seed, JsonNode params,
                       Map<String, String> hooks, Map<String, RubricOverride> rubric, Resources resources,
                       Limits limits, JsonNode hidden, JsonNode dataset, @JsonIgnore Path baseDir) {

  /** Job files larger than this are refused: hook sources are small, datasets are not passed inline. */
  public static final long MAX_JOB_BYTES = 1_000_000;

  public JobInput {
    params = params == null ? ContractJson.MAPPER.createObjectNode() : params;
    hooks = hooks == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hooks));
    rubric = rubric == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rubric));
    resources = resources == null ? Resources.DEFAULT : resources;
    limits = limits == null ? Limits.NONE : limits;
  }

  /** An instructor's override of a check's threshold and/or points. */
  public record RubricOverride(Double threshold, Double points) {
  }

  /** The job's CPU share, memory and device; {@code device} is {@code cpu} or {@code gpu}. */
  public record Resources(int cpus, int memoryMb, String device) {
    public static final Resources DEFAULT = new Resources(1, 2048, "cpu");
  }

  /**
   * Limits a job asks the runner for, each optional (the runner caps every one at its own maximum).
   *
   * @param wallSeconds     wall time of the run
   * @param cpuSeconds      CPU time of the run
   * @param heapMb          the trainer JVM's heap
   * @param maxProcesses    processes and threads of a sandbox
   * @param outputBytes     what the run may print
   * @param hookCallSeconds the longest one call of a student hook may take
   */
  public record Limits(Long wallSeconds, Long cpuSeconds, Long heapMb, Long maxProcesses, Long outputBytes,
                       Long hookCallSeconds) {
    public static final Limits NONE = new Limits(null, null, null, null, null, null);

    /** Just a wall and CPU time, as the app sets them from the lab's spec. */
    public static Limits of(long wallSeconds, long cpuSeconds) {
      return new Limits(wallSeconds, cpuSeconds, null, null, null, null);
    }
  }

  /** Reads and checks a job file (at most {@link #MAX_JOB_BYTES}); data file names resolve next to it. */
  public static JobInput read(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        throw new InvalidJobException("job", "file not found: " + file);
      }
      if (Files.size(file) > MAX_JOB_BYTES) {
        throw new InvalidJobException("job", "file is larger than " + MAX_JOB_BYTES + " bytes: " + file);
      }
      return parse(ContractJson.MAPPER.readTree(file.toFile())).withBaseDir(file.toAbsolutePath().getParent());
    } catch (JsonProcessingException e) {
      throw new InvalidJobException("job", "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InvalidJobException("job", "cannot read " + file + ": " + e.getMessage());
    }
  }

  /** Checks a job given as JSON; the first problem throws {@link InvalidJobException} naming the field. */
  public static JobInput parse(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new InvalidJobException("job", "must be a JSON object");
    }
    String lab = requiredText(root, "lab");
    String version = root.hasNonNull("labVersion") ? root.get("labVersion").asText() : null;
    String jobId = root.hasNonNull("jobId") ? root.get("jobId").asText() : "local";
    long seed = 0;
    if (root.has("seed")) {
      if (!root.get("seed").canConvertToLong()) {
        throw new InvalidJobException("seed", "must be an integer, got " + root.get("seed"));
      }
      seed = root.get("seed").asLong();
    }
    JsonNode params = root.path("params");
    if (!params.isMissingNode() && !params.isObject()) {
      throw new InvalidJobException("params", "must be an object");
    }
    return new JobInput(jobId, lab, version, seed, params.isObject() ? params : null, readHooks(root.path("hooks")),
        readRubric(root.path("rubric")), readResources(root.path("resources")), readLimits(root.path("limits")),
        root.path("hidden").isObject() ? root.get("hidden") : null,
        root.path("dataset").isObject() ? root.get("dataset") : null, null);
  }

  /** The job as JSON, the shape {@link #parse} reads. */
  public ObjectNode toJson() {
    return ContractJson.MAPPER.valueToTree(this);
  }

  /** A copy without {@code hidden}: what the untrusted phase may see. */
  public JobInput withoutHidden() {
    return new JobInput(jobId, lab, labVersion, seed, params, hooks, rubric, resources, limits, null, dataset,
        baseDir);
  }

  /** A copy whose data files resolve in {@code dir}. */
  public JobInput withBaseDir(Path dir) {
    return new JobInput(jobId, lab, labVersion, seed, params, hooks, rubric, resources, limits, hidden, dataset, dir);
  }

  /** True when the job carries student code, which only a sandboxed runner may run. */
  public boolean carriesStudentCode() {
    return !hooks.isEmpty();
  }

  /**
   * The seed of the trusted phase's hidden data: {@code hidden.evalSeed}, or — on the command line, where a job may
   * have no hidden block — the job seed mixed with {@code stream}.
   */
  public long evalSeed(String stream) {
    if (hidden != null && hidden.has("evalSeed")) {
      if (!hidden.get("evalSeed").canConvertToLong()) {
        throw new InvalidJobException("hidden.evalSeed", "must be an integer, got " + hidden.get("evalSeed"));
      }
      return hidden.get("evalSeed").asLong();
    }
    return Seeds.derive(seed, stream);
  }

  /**
   * A data file named in the job ({@code field} names where, for messages): a plain file name in the job file's
   * directory — no paths, so a job can only reach files the runner put next to it.
   */
  public Path dataFile(String field, String name) {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}")) {
      throw new InvalidJobException(field, "must be a plain file name next to the job file, got " + name);
    }
    Path dir = baseDir != null ? baseDir : Path.of("").toAbsolutePath();
    return dir.resolve(name);
  }

  private static String requiredText(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      throw new InvalidJobException(field, "required text field is missing");
    }
    return node.asText();
  }

  private static Map<String, String> readHooks(JsonNode node) {
    Map<String, String> hooks = new LinkedHashMap<>();
    if (node.isMissingNode() || node.isNull()) {
      return hooks;
    }
    if (!node.isObject()) {
      throw new InvalidJobException("hooks", "must be an object of class name to Java source");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual()) {
        throw new InvalidJobException("hooks." + e.getKey(), "must be Java source text");
      }
      hooks.put(e.getKey(), e.getValue().asText());
    }
    return hooks;
  }

  private static Map<String, RubricOverride> readRubric(JsonNode node) {
    Map<String, RubricOverride> rubric = new LinkedHashMap<>();
    if (node.isMissingNode() || node.isNull()) {
      return rubric;
    }
    if (!node.isObject()) {
      throw new InvalidJobException("rubric", "must be an object of check id to {threshold, points}");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode o = e.getValue();
      String field = "rubric." + e.getKey();
      if (!o.isObject()) {
        throw new InvalidJobException(field, "must be an object with threshold and/or points");
      }
      rubric.put(e.getKey(), new RubricOverride(optNumber(o, "threshold", field), optNumber(o, "points", field)));
    }
    return rubric;
  }

  private static Double optNumber(JsonNode o, String name, String field) {
    if (!o.has(name) || o.get(name).isNull()) {
      return null;
    }
    if (!o.get(name).isNumber()) {
      throw new InvalidJobException(field + "." + name, "must be a number, got " + o.get(name));
    }
    return o.get(name).asDouble();
  }

  private static Resources readResources(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return Resources.DEFAULT;
    }
    int cpus = node.path("cpus").asInt(Resources.DEFAULT.cpus());
    if (cpus < 1 || cpus > 256) {
      throw new InvalidJobException("resources.cpus", "must be between 1 and 256, got " + node.get("cpus"));
    }
    int memory = node.path("memoryMb").asInt(Resources.DEFAULT.memoryMb());
    if (memory < 64) {
      throw new InvalidJobException("resources.memoryMb", "must be at least 64, got " + node.get("memoryMb"));
    }
    String device = node.path("device").asText(Resources.DEFAULT.device());
    if (!device.equals("cpu") && !device.equals("gpu")) {
      throw new InvalidJobException("resources.device", "must be cpu or gpu, got " + device);
    }
    return new Resources(cpus, memory, device);
  }

  private static Limits readLimits(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return Limits.NONE;
    }
    if (!node.isObject()) {
      throw new InvalidJobException("limits", "must be an object");
    }
    return new Limits(whole(node, "wallSeconds", 1), whole(node, "cpuSeconds", 1), whole(node, "heapMb", 16),
        whole(node, "maxProcesses", 16), whole(node, "outputBytes", 1024), whole(node, "hookCallSeconds", 1));
  }

  private static Long whole(JsonNode parent, String field, long min) {
    JsonNode value = parent.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new InvalidJobException("limits." + field, "must be a whole number, was " + value);
    }
    if (value.asLong() < min) {
      throw new InvalidJobException("limits." + field, "must be at least " + min + ", was " + value.asLong());
    }
    return value.asLong();
  }
}
