package org.ethoslab.app.gradebook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ethoslab.app.queue.LabJob;
import org.ethoslab.app.queue.LabJobRepository;
import org.ethoslab.app.queue.StoredEvaluation;
import org.ethoslab.app.submission.Submission;
import org.ethoslab.app.submission.SubmissionRepository;
import org.ethoslab.contract.lab.Evaluation;
import org.ethoslab.contract.lab.LabSpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Computes {@link LabAnalytics} from an item's submissions, their trusted evaluations and their queue jobs. */
@Service
class LabAnalyticsService {

  private final SubmissionRepository submissions;
  private final LabJobRepository jobs;

  LabAnalyticsService(SubmissionRepository submissions, LabJobRepository jobs) {
    this.submissions = submissions;
    this.jobs = jobs;
  }

  @Transactional(readOnly = true)
  LabAnalytics analyse(long offeringId, long itemId, LabSpec spec) {
    List<Submission> all = submissions.findByOfferingIdAndItemIdOrderBySubmittedAtAsc(offeringId, itemId);
    List<Submission> graded = all.stream().filter(Submission::isGraded).toList();
    List<Double> percents = graded.stream()
        .filter(s -> s.getMaxScore() != null && s.getMaxScore() > 0)
        .map(s -> 100.0 * s.getScore() / s.getMaxScore())
        .toList();
    Set<String> keyMetrics = new LinkedHashSet<>();
    spec.checks().forEach(c -> keyMetrics.add(c.metric()));
    List<Map<String, Double>> evaluated = graded.stream()
        .map(s -> StoredEvaluation.find(s.getEvaluation()).map(Evaluation::metrics).orElse(null))
        .filter(Objects::nonNull)
        .toList();
    List<LabAnalytics.Histogram> metrics = new ArrayList<>();
    for (String metric : keyMetrics) {
      List<Double> values = evaluated.stream()
          .map(m -> m.get(metric))
          .filter(Objects::nonNull)
          .filter(Double::isFinite)
          .toList();
      if (!values.isEmpty()) {
        metrics.add(LabAnalytics.Histogram.of(metric, values));
      }
    }
    List<Map.Entry<String, Long>> verdicts = all.stream()
        .filter(Submission::isFinished)
        .filter(s -> s.getOutcome() != null)
        .collect(Collectors.groupingBy(s -> s.getOutcome().name(), Collectors.counting()))
        .entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .toList();
    Map<Long, LabJob> byId = jobs.findAllById(all.stream().map(Submission::getJobId).filter(Objects::nonNull)
        .toList()).stream().collect(Collectors.toMap(LabJob::getId, Function.identity()));
    List<Double> waits = new ArrayList<>();
    List<Double> runs = new ArrayList<>();
    for (LabJob job : byId.values()) {
      seconds(job.getQueuedAt(), job.getClaimedAt()).ifPresent(waits::add);
      Instant start = job.getStartedAt() != null ? job.getStartedAt() : job.getClaimedAt();
      seconds(start, job.getFinishedAt()).ifPresent(runs::add);
    }
    return new LabAnalytics(graded.size(), LabAnalytics.Histogram.of("score", percents, 0, 100), metrics, verdicts,
        LabAnalytics.Percentiles.of(waits), LabAnalytics.Percentiles.of(runs));
  }

  private static Optional<Double> seconds(Instant from, Instant to) {
    if (from == null || to == null || to.isBefore(from)) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(from, to).toMillis() / 1000.0);
  }
}
