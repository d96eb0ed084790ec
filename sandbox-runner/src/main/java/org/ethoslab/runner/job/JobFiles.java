package org.ethoslab.runner.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.ethoslab.runner.protocol.ClaimResponse;
import org.ethoslab.runner.sandbox.JobLimits;

/**
 * The labs CLI's job file, twice: without {@code hidden} in the sandbox's directory for {@code run}, and complete in
 * the runner's private directory for {@code evaluate}. Both carry the limits the job actually got as
 * {@code resources}; the runner-only {@code limits} block is not passed on.
 */
record JobFiles(Path sandboxJob, Path trustedJob) {

  static final String JOB_FILE = "job.json";

  static JobFiles write(ObjectMapper json, ClaimResponse claim, ObjectNode input, JobLimits limits, String device,
                        Path sandboxDir, Path trustedDir) throws IOException {
    ObjectNode full = input.deepCopy();
    full.put("jobId", claim.jobId());
    full.put("lab", claim.lab());
    full.put("labVersion", claim.labVersion());
    full.remove("limits");
    ObjectNode resources = full.putObject("resources");
    resources.put("cpus", limits.cpus());
    resources.put("memoryMb", limits.memoryMb());
    resources.put("device", device);
    ObjectNode untrusted = full.deepCopy();
    untrusted.remove("hidden");
    Path trusted = trustedDir.resolve(JOB_FILE);
    Files.write(trusted, json.writeValueAsBytes(full));
    Files.setPosixFilePermissions(trusted, PosixFilePermissions.fromString("rw-------"));
    Path sandbox = sandboxDir.resolve(JOB_FILE);
    Files.write(sandbox, json.writeValueAsBytes(untrusted));
    Files.setPosixFilePermissions(sandbox, PosixFilePermissions.fromString("rw-r--r--"));
    return new JobFiles(sandbox, trusted);
  }
}
