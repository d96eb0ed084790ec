package org.ethoslab.runner.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.ethoslab.contract.job.JobInput;
import org.ethoslab.contract.runner.ClaimResponse;
import org.ethoslab.runner.sandbox.JobLimits;

/**
 * The labs CLI's job file, twice: without {@code hidden} in the sandbox's directory for {@code run}, and complete in
 * the runner's private directory for {@code evaluate}. Both carry the queue's id, lab and version and, as
 * {@code resources}, the limits the job actually got; the runner-only {@code limits} block is not passed on.
 */
record JobFiles(Path sandboxJob, Path trustedJob) {

  static final String JOB_FILE = "job.json";

  static JobFiles write(ObjectMapper json, ClaimResponse claim, JobInput input, JobLimits limits, String device,
                        Path sandboxDir, Path trustedDir) throws IOException {
    JobInput full = new JobInput(Long.toString(claim.jobId()), claim.lab(), claim.labVersion(), input.seed(),
        input.params(), input.hooks(), input.rubric(), new JobInput.Resources(limits.cpus(), (int) limits.memoryMb(),
        device), null, input.hidden(), input.dataset(), null);
    Path trusted = trustedDir.resolve(JOB_FILE);
    Files.write(trusted, json.writeValueAsBytes(full.toJson()));
    Files.setPosixFilePermissions(trusted, PosixFilePermissions.fromString("rw-------"));
    Path sandbox = sandboxDir.resolve(JOB_FILE);
    Files.write(sandbox, json.writeValueAsBytes(full.withoutHidden().toJson()));
    Files.setPosixFilePermissions(sandbox, PosixFilePermissions.fromString("rw-r--r--"));
    return new JobFiles(sandbox, trusted);
  }
}
