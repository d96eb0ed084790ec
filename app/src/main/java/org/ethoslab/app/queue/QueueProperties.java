package org.ethoslab.app.queue;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the lab job queue ({@code ethoslab.queue.*}).
 *
 * @param lease                      how long a claim or heartbeat holds a job
 * @param claimWait                  how long a claim waits for work before answering 204 (at most 30 s)
 * @param maxRunningPerUser          jobs of one student leased or running at once
 * @param maxRunningPerCourse        jobs of one course leased or running at once, so one class cannot starve another
 * @param maxInfrastructureAttempts  tries before a job ends as an infrastructure error
 * @param reaperInterval             how often expired leases are returned to the queue
 * @param artifactDir                root of the content-addressed artifact store
 * @param artifactMaxBytes           largest artifact a runner may upload
 * @param offeringArtifactBudgetMb   artifact megabytes all jobs of one offering may keep; past it uploads are refused
 *                                   (the run is still graded, its files are not kept) until the budget is raised
 */
@ConfigurationProperties("ethoslab.queue")
public record QueueProperties(
    @DefaultValue("60s") Duration lease,
    @DefaultValue("25s") Duration claimWait,
    @DefaultValue("2") int maxRunningPerUser,
    @DefaultValue("20") int maxRunningPerCourse,
    @DefaultValue("3") int maxInfrastructureAttempts,
    @DefaultValue("5s") Duration reaperInterval,
    @DefaultValue("data/artifacts") String artifactDir,
    @DefaultValue("67108864") long artifactMaxBytes,
    @DefaultValue("4096") long offeringArtifactBudgetMb) {

  public QueueProperties {
    if (claimWait.compareTo(Duration.ofSeconds(30)) > 0) {
      throw new IllegalArgumentException("ethoslab.queue.claim-wait: at most 30s (runners time out), got " + claimWait);
    }
    if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("ethoslab.queue.lease: at least 1s, got " + lease);
    }
    if (maxRunningPerUser < 1 || maxRunningPerCourse < 1 || maxInfrastructureAttempts < 1) {
      throw new IllegalArgumentException("ethoslab.queue: max-running-per-user, max-running-per-course and "
          + "max-infrastructure-attempts must be at least 1");
    }
    if (offeringArtifactBudgetMb < 0) {
      throw new IllegalArgumentException("ethoslab.queue.offering-artifact-budget-mb: 0 or more, got "
          + offeringArtifactBudgetMb);
    }
  }

  /** {@link #offeringArtifactBudgetMb()} in bytes. */
  public long offeringArtifactBudgetBytes() {
    return offeringArtifactBudgetMb << 20;
  }

  /** {@link #artifactDir()} as an absolute path (bound as a string: Spring would read a Path as a resource location). */
  public Path artifactPath() {
    return Path.of(artifactDir).toAbsolutePath();
  }
}
