package org.ethoslab.labs.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ethoslab.contract.job.JobInput;
import org.ethoslab.contract.lab.Evaluation;
import org.ethoslab.labs.core.Artifacts;
import org.ethoslab.labs.core.EventSink;
import org.ethoslab.labs.core.Lab;
import org.ethoslab.labs.core.LabContext;
import org.ethoslab.labs.core.Params;
import org.ethoslab.labs.core.StudentHooks;

/**
 * Runs a lab's two phases as the CLI does, in this JVM, with the job's student hooks in a real hook host process
 * ({@code --hooks local}): the run without the hidden block, the evaluation with it.
 */
public final class LabRuns {

 private LabRuns() {
 }

 /** The run phase into {@code out}; returns its events, one JSON line each. */
 public static String run(Lab lab, JobInput job, Path out) throws Exception {
  ByteArrayOutputStream events = new ByteArrayOutputStream();
  Files.createDirectories(out);
  Path scratch = Files.createDirectories(out.resolveSibling(out.getFileName() + "-scratch"));
  JobInput untrusted = job.withoutHidden();
  try (StudentHooks hooks = StudentHooks.open(untrusted, lab.spec(), "local")) {
   LabContext ctx = new LabContext(job.seed(), new EventSink(new PrintStream(events, true, StandardCharsets.UTF_8)),
     scratch, out, LabContext.Device.CPU, 1, hooks);
   lab.run(untrusted, Params.validate(lab.spec(), job.params()), ctx);
  }
  return events.toString(StandardCharsets.UTF_8);
 }

 /** The trusted phase over the artifacts in {@code out}. */
 public static Evaluation evaluate(Lab lab, JobInput job, Path out) throws Exception {
  try (StudentHooks hooks = StudentHooks.open(job, lab.spec(), "local")) {
   return lab.evaluate(job, Params.validate(lab.spec(), job.params()), new Artifacts(out), hooks);
  }
 }
}
