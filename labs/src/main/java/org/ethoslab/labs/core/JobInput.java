package org.ethoslab.labs.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One lab job as read from {@code job.json}. {@code hooks} (class name → Java source), {@code rubric} (check id →
 * threshold/points overrides), {@code hidden} (trusted-phase data such as {@code evalSeed}) and {@code dataset} (an
 * uploaded data file next to the job file, for labs that accept one) are optional. {@code baseDir} is the job
 * file's directory, against which data file names resolve.
 */
public record JobInput(String jobId, String lab, String labVersion, long seed, JsonNode params,
                       Map<String, String> hooks, Map<String, RubricOverride> rubric, Resources resources,
                       JsonNode hidden, JsonNode dataset, Path baseDir) {

    /** Job files larger than this are refused: hook sources are small, datasets are not passed inline. */
    public static final long MAX_JOB_BYTES = 1_000_000;

    /** An instructor's override of a check's threshold and/or points. */
    public record RubricOverride(Double threshold, Double points) {
    }

    /** The job's CPU share, memory and device; {@code device} is {@code cpu} or {@code gpu}. */
    public record Resources(int cpus, int memoryMb, String device) {
        public static final Resources DEFAULT = new Resources(1, 2048, "cpu");
    }

    public static JobInput read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw LabFailure.badInput("job", "file not found: " + file);
            }
            if (Files.size(file) > MAX_JOB_BYTES) {
                throw LabFailure.badInput("job", "file is larger than " + MAX_JOB_BYTES + " bytes: " + file);
            }
            JobInput job = parse(Json.MAPPER.readTree(file.toFile()));
            return new JobInput(job.jobId, job.lab, job.labVersion, job.seed, job.params, job.hooks, job.rubric,
                    job.resources, job.hidden, job.dataset, file.toAbsolutePath().getParent());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw LabFailure.badInput("job", "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw LabFailure.badInput("job", "cannot read " + file + ": " + e.getMessage());
        }
    }

    public static JobInput parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw LabFailure.badInput("job", "must be a JSON object");
        }
        String lab = requiredText(root, "lab");
        String version = root.hasNonNull("labVersion") ? root.get("labVersion").asText() : null;
        String jobId = root.hasNonNull("jobId") ? root.get("jobId").asText() : "local";
        long seed = 0;
        if (root.has("seed")) {
            if (!root.get("seed").canConvertToLong()) {
                throw LabFailure.badInput("seed", "must be an integer, got " + root.get("seed"));
            }
            seed = root.get("seed").asLong();
        }
        JsonNode params = root.path("params");
        if (!params.isMissingNode() && !params.isObject()) {
            throw LabFailure.badInput("params", "must be an object");
        }
        return new JobInput(jobId, lab, version, seed, params.isObject() ? params : Json.MAPPER.createObjectNode(),
                readHooks(root.path("hooks")), readRubric(root.path("rubric")), readResources(root.path("resources")),
                root.path("hidden").isObject() ? root.get("hidden") : null,
                root.path("dataset").isObject() ? root.get("dataset") : null, null);
    }

    private static String requiredText(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw LabFailure.badInput(field, "required text field is missing");
        }
        return node.asText();
    }

    private static Map<String, String> readHooks(JsonNode node) {
        Map<String, String> hooks = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return hooks;
        }
        if (!node.isObject()) {
            throw LabFailure.badInput("hooks", "must be an object of class name to Java source");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw LabFailure.badInput("hooks." + e.getKey(), "must be Java source text");
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
            throw LabFailure.badInput("rubric", "must be an object of check id to {threshold, points}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode o = e.getValue();
            String field = "rubric." + e.getKey();
            if (!o.isObject()) {
                throw LabFailure.badInput(field, "must be an object with threshold and/or points");
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
            throw LabFailure.badInput(field + "." + name, "must be a number, got " + o.get(name));
        }
        return o.get(name).asDouble();
    }

    private static Resources readResources(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return Resources.DEFAULT;
        }
        int cpus = node.path("cpus").asInt(Resources.DEFAULT.cpus());
        if (cpus < 1 || cpus > 256) {
            throw LabFailure.badInput("resources.cpus", "must be between 1 and 256, got " + node.get("cpus"));
        }
        int memory = node.path("memoryMb").asInt(Resources.DEFAULT.memoryMb());
        if (memory < 256) {
            throw LabFailure.badInput("resources.memoryMb", "must be at least 256, got " + node.get("memoryMb"));
        }
        String device = node.path("device").asText(Resources.DEFAULT.device());
        if (!device.equals("cpu") && !device.equals("gpu")) {
            throw LabFailure.badInput("resources.device", "must be cpu or gpu, got " + device);
        }
        return new Resources(cpus, memory, device);
    }

    /** A copy without {@code hidden}: what the untrusted phase may see. */
    public JobInput withoutHidden() {
        return new JobInput(jobId, lab, labVersion, seed, params, hooks, rubric, resources, null, dataset, baseDir);
    }

    /**
     * A data file named in the job ({@code field} names where, for messages): a plain file name in the job file's
     * directory — no paths, so a job can only reach files the runner put next to it.
     */
    public Path dataFile(String field, String name) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}")) {
            throw LabFailure.badInput(field, "must be a plain file name next to the job file, got " + name);
        }
        Path dir = baseDir != null ? baseDir : Path.of("").toAbsolutePath();
        return dir.resolve(name);
    }
}
