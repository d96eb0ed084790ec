package org.ethoslab.runner.job;

import java.time.Duration;
import java.util.List;
import org.ethoslab.runner.sandbox.JobLimits;

/**
 * What a hook host may use: one core, {@value #MEMORY_MB} MB (a {@value #HEAP_MB} MB heap — the student's classes,
 * {@code javac}, and a call's arguments: three parameter trees of a language model fit many times over), few
 * processes, the job's output allowance for what the student prints, and for as long as the job's run and grading.
 */
final class HookHostLimits {

  static final long MEMORY_MB = 512;
  static final long HEAP_MB = 256;

  private HookHostLimits() {
  }

  static JobLimits of(JobLimits job, Duration extra) {
    return JobLimits.of(1, MEMORY_MB, job.wallTime().plus(extra)).withHeapMb(HEAP_MB).withMaxProcesses(128)
        .withOutputBytes(job.outputBytes());
  }

  static List<String> jvmOptions(JobLimits limits, String tmpDir) {
    // The JVM's own messages ("Terminating due to java.lang.OutOfMemoryError", unified-logging warnings such as a
    // thread it could not start) go to stdout by default, which is the hook channel: they would read as the student
    // writing to it. Both go to stderr instead. The client compiler alone: the host runs javac once and short hook
    // calls while the trainer or evaluator works, and C2's compile threads would compete with it for the job's cores.
    return List.of("-Xmx" + limits.heapMb() + "m", "-XX:+ExitOnOutOfMemoryError", "-XX:+DisplayVMOutputToStderr",
        "-Xlog:disable", "-Xlog:all=warning:stderr", "-XX:ActiveProcessorCount=1", "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto", "-Djava.io.tmpdir=" + tmpDir,
        "-Dfile.encoding=UTF-8");
  }
}
