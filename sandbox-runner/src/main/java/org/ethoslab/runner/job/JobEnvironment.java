package org.ethoslab.runner.job;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What every job of this runner shares.
 *
 * @param lab               how to start the labs CLI
 * @param workDir           the runner's own directory; job directories are created under {@code workDir/jobs}
 * @param djlCacheDir       the pre-warmed DJL cache (natives), bound read-only into the sandbox, if any
 * @param allowUnsandboxed  development flag: run student code even at isolation NONE
 * @param slotCpus          CPU cores of one slot's share
 * @param slotMemoryMb      memory of one slot's share
 * @param defaultWall       wall time of a job that asks for none
 * @param maxWall           the most wall time a job may ask for
 * @param evaluateTimeout   wall time of the trusted evaluation
 * @param systemRetries     extra tries for a job that failed for a system reason on this runner
 * @param evaluatorUid      when the runner is root: the unprivileged uid the trusted evaluation runs as (it parses
 *                          files the sandboxed trainer wrote, so a parser bug must not yield root); empty otherwise
 * @param specs             the labs this runner can run (their hooks' interfaces load a job's hook host)
 * @param channelRoot       a short, runner-owned directory for the jobs' hook sockets (a Unix socket path is
 *                          limited to 107 bytes)
 */
public record JobEnvironment(LabDistribution lab, Path workDir, Optional<Path> djlCacheDir, boolean allowUnsandboxed,
                             int slotCpus, long slotMemoryMb, Duration defaultWall, Duration maxWall,
                             Duration evaluateTimeout, int systemRetries, OptionalInt evaluatorUid, LabSpecs specs,
                             Path channelRoot) {
}
