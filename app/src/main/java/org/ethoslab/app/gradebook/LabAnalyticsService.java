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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ethoslab.app.labspec.LabCatalog;
import org.ethoslab.app.queue.LabJob;
import org.ethoslab.app.queue.LabJobRepository;
import org.ethoslab.app.submission.Submission;
import org.ethoslab.app.submission.SubmissionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Computes {@link LabAnalytics} from an item's submissions, their trusted evaluations and their queue jobs. */
@Service
class LabAnalyticsService {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SubmissionRepository submissions;
  private final LabJobRepository jobs;

  LabAnalyticsService(SubmissionRepository submissions, LabJobRepository jobs) {
    this.submissions = submissions;
    this.jobs = jobs;
  }

  @Transactional(readOnly = true)
  LabAnalytics analyse(long offeringId, long itemId, LabCatalog.LabDefinition spec) {
    List<Submission> all = submissions.findByOfferingIdAndItemIdOrderBySubmittedAtAsc(offeringId, itemId);
    List<Submission> graded = all.stream().filter(Submission::isGraded).toList();
    List<Double> percents = graded.stream()
        .filter(s -> s.getMaxScore() != null && s.getMaxScore() > 0)
        .map(s -> 100.0 * s.getScore() / s.getMaxScore())
        .toList();
    Set<String> keyMetrics = new LinkedHashSet<>();
    spec.checks().forEach(c -> keyMetrics.add(c.metric()));
    List<LabAnalytics.Histogram> metrics = new ArrayList<>();
    for (String metric : keyMetrics) {
      List<Double> values = graded.stream()
          .map(s -> read(s.getEvaluation()).path("metrics").path(metric))
          .filter(JsonNode::isNumber)
          .map(JsonNode::asDouble)
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

  private static JsonNode read(String json) {
    if (json == null || json.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return JSON.createObjectNode();
    }
  }
}
