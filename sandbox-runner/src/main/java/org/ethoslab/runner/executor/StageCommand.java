package org.ethoslab.runner.executor;

import java.util.List;
import java.util.Map;

/**
 * A Java program to run as the untrusted stage: the executor supplies the {@code java} binary.
 *
 * @param jvmOptions  options before the main class or jar (heap, pinned threads, system properties)
 * @param program     the rest: {@code -jar labs.jar run /job/job.json --out /job/out} or {@code -cp dir Main args}
 * @param environment the only environment variables the child gets (no secrets: bwrap shows them in /proc/1/cmdline)
 */
public record StageCommand(List<String> jvmOptions, List<String> program, Map<String, String> environment) {
  public StageCommand {
    jvmOptions = List.copyOf(jvmOptions);
    program = List.copyOf(program);
    environment = Map.copyOf(environment);
  }
}
