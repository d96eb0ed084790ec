package org.ethoslab.runner.executor;

import java.util.OptionalLong;

/**
 * What the runner observed of the untrusted stage; the verdict is made from this, never from what the child claims
 * (except its exit code and first stderr line, which only describe the student's own failure).
 *
 * @param process     exit code, timers and output of the supervised process
 * @param setupFailed true when the sandbox never started the program (bubblewrap setup failed): a system failure
 * @param setupDetail bubblewrap's own message in that case
 * @param oomKilled   the kernel OOM-killed a process of the job's memory cgroup
 * @param cpuMicros   CPU time the job used, where a cgroup measured it
 * @param pidsLimitHit the job tried to start more processes or threads than its cgroup allowed
 */
public record StageOutcome(SupervisedProcess.Result process, boolean setupFailed, String setupDetail, boolean oomKilled,
                           OptionalLong cpuMicros, boolean pidsLimitHit) {
}
