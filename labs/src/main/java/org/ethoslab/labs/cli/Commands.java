package org.ethoslab.labs.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ethoslab.contract.ContractJson;
import org.ethoslab.contract.job.JobInput;
import org.ethoslab.contract.job.LabExit;
import org.ethoslab.contract.lab.Evaluation;
import org.ethoslab.labs.core.Artifacts;
import org.ethoslab.labs.core.ComputeScale;
import org.ethoslab.labs.core.DirectoryTree;
import org.ethoslab.labs.core.EventSink;
import org.ethoslab.labs.core.Lab;
import org.ethoslab.labs.core.LabContext;
import org.ethoslab.labs.core.LabFailure;
import org.ethoslab.labs.core.LabRegistry;
import org.ethoslab.labs.core.Params;
import org.ethoslab.labs.core.StudentHooks;

/** The four CLI commands. Results go to {@code out}; failures are thrown as {@link LabFailure}. */
final class Commands {
  static final String USAGE = "usage: labs list | specs | describe <lab> | run <job.json> --out DIR [--hooks H]"
      + " | evaluate <job.json> --artifacts DIR [--hooks H] | build-models <lab> [--cpus N] [--job job.json]"
      + "   (H: local, none or socket:PATH)";

  private final PrintStream out;
  private final EventSink events;
  private final LabRegistry registry = LabRegistry.discover();

  Commands(PrintStream out, EventSink events) {
    this.out = out;
    this.events = events;
  }

  void dispatch(List<String> args) throws Exception {
    if (args.isEmpty()) {
      throw LabFailure.badInput("command", "missing; " + USAGE);
    }
    switch (args.get(0)) {
      case "list" -> list();
      case "specs" -> out.println(ContractJson.MAPPER.writeValueAsString(registry.all().stream()
          .map(Lab::spec).toList()));
      case "describe" -> describe(arg(args, 1, "lab"));
      case "run" -> run(Path.of(arg(args, 1, "job")), Path.of(option(args, "--out")), hooks(args));
      case "evaluate" -> evaluate(Path.of(arg(args, 1, "job")), Path.of(option(args, "--artifacts")),
          hooks(args));
      case "build-models" -> buildModels(arg(args, 1, "lab"), args);
      default -> throw LabFailure.badInput("command", "unknown command " + args.get(0) + "; " + USAGE);
    }
  }

  private void list() throws IOException {
    ArrayNode array = ContractJson.MAPPER.createArrayNode();
    for (Lab lab : registry.all()) {
      array.addObject().put("id", lab.spec().id()).put("version", lab.spec().version())
          .put("title", lab.spec().title());
    }
    out.println(ContractJson.MAPPER.writeValueAsString(array));
  }

  private void describe(String labId) throws IOException {
    out.println(ContractJson.MAPPER.writeValueAsString(registry.find(labId, null).spec()));
  }

  private void run(Path jobFile, Path outDir, String hooksOption) throws Exception {
    JobInput job = JobInput.read(jobFile).withoutHidden();
    Lab lab = registry.find(job.lab(), job.labVersion());
    Params params = Params.validate(lab.spec(), ComputeScale.params(job.params(), job.resources(), lab.gpuScale()));
    EngineSetup.configure(job.resources());
    EngineSetup.requireGpuWhenAsked(job.resources());
    Files.createDirectories(outDir);
    Path scratch = Files.createTempDirectory("labs-scratch-");
    try (StudentHooks hooks = StudentHooks.open(job, lab.spec(), hooksOption)) {
      LabContext ctx = new LabContext(job.seed(), events.gatedBy(hooks::checkLoaded), scratch, outDir,
          LabContext.Device.of(job.resources().device()), job.resources().cpus(), hooks);
      lab.run(job, params, ctx);
      hooks.requireLoaded();
      long bytes = new Artifacts(outDir).totalBytes();
      if (bytes > Artifacts.MAX_TOTAL_BYTES) {
        throw new LabFailure(LabExit.BAD_INPUT, "the run's results total " + bytes
            + " bytes, more than the " + Artifacts.MAX_TOTAL_BYTES + " byte limit: choose smaller "
            + "parameters");
      }
    } finally {
      DirectoryTree.delete(scratch);
    }
  }

  private void evaluate(Path jobFile, Path artifactDir, String hooksOption) throws Exception {
    JobInput job = JobInput.read(jobFile);
    Lab lab = registry.find(job.lab(), job.labVersion());
    Params params = Params.validate(lab.spec(), ComputeScale.params(job.params(), job.resources(), lab.gpuScale()));
    EngineSetup.configure(job.resources());
    if (!Files.isDirectory(artifactDir)) {
      throw LabFailure.badInput("--artifacts", "not a directory: " + artifactDir);
    }
    try (StudentHooks hooks = StudentHooks.open(job, lab.spec(), hooksOption)) {
      Evaluation evaluation = lab.evaluate(job, params, new Artifacts(artifactDir), hooks);
      hooks.requireLoaded();
      out.println(ContractJson.MAPPER.writeValueAsString(evaluation));
    }
  }

  /** The {@code --hooks} option: where the student's hooks are answered ({@code local} when not given). */
  private static String hooks(List<String> args) {
    return args.contains("--hooks") ? option(args, "--hooks") : null;
  }

  /**
   * Builds a lab's cached models into the model cache ({@code ETHOSLAB_MODEL_CACHE}) — those of its default
   * parameters, or with {@code --job} those the job's parameters need; log lines as events.
   */
  private void buildModels(String labId, List<String> args) throws Exception {
    Lab lab = registry.find(labId, null);
    if (!(lab instanceof org.ethoslab.labs.lm.CachedModels cached)) {
      throw LabFailure.badInput("lab", labId + " has no models to build");
    }
    int cpus = 1;
    if (args.contains("--cpus")) {
      String value = option(args, "--cpus");
      if (!value.matches("[1-9][0-9]{0,2}")) {
        throw LabFailure.badInput("--cpus", "must be a whole number from 1 to 999, got " + value);
      }
      cpus = Integer.parseInt(value);
    }
    Params params = Params.validate(lab.spec(), args.contains("--job")
        ? JobInput.read(Path.of(option(args, "--job"))).params() : ContractJson.MAPPER.createObjectNode());
    EngineSetup.configure(new JobInput.Resources(cpus, JobInput.Resources.DEFAULT.memoryMb(), "cpu"));
    Path root = org.ethoslab.labs.lm.ModelCache.configuredRoot();
    cached.buildModels(new org.ethoslab.labs.lm.ModelCache(root, root), message -> events.log("info", message),
        params);
  }

  private static String arg(List<String> args, int index, String name) {
    if (args.size() <= index || args.get(index).startsWith("--")) {
      throw LabFailure.badInput(name, "missing argument; " + USAGE);
    }
    return args.get(index);
  }

  private static String option(List<String> args, String name) {
    int i = args.indexOf(name);
    if (i < 0 || i + 1 >= args.size()) {
      throw LabFailure.badInput(name, "missing option; " + USAGE);
    }
    return args.get(i + 1);
  }
}
