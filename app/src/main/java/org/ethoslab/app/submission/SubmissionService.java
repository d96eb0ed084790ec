package org.ethoslab.app.submission;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ethoslab.app.grading.LabAssignment;
import org.ethoslab.app.grading.LatePolicy;
import org.ethoslab.app.lab.LabSettings;
import org.ethoslab.app.lab.ParamForm;
import org.ethoslab.app.queue.JobSubmission;
import org.ethoslab.app.queue.LabJob;
import org.ethoslab.app.queue.LabJobService;
import org.ethoslab.app.system.AccessRefusedException;
import org.ethoslab.contract.ContractJson;
import org.ethoslab.contract.job.JobInput;
import org.ethoslab.contract.lab.LabSpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submits a lab: checks the deadline, attempts and cooldown on the server's clock, then writes the submission and its
 * queue job in one transaction, so a submission the browser was told about is never lost.
 */
@Service
public class SubmissionService {

  /** Longest hook source accepted, in characters. */
  static final int MAX_SOURCE_CHARS = 64 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, JobInput.RubricOverride>> RUBRIC = new TypeReference<>() { };

  private final SubmissionRepository submissions;
  private final LabJobService jobs;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  SubmissionService(SubmissionRepository submissions, LabJobService jobs, Clock clock) {
    this.submissions = submissions;
    this.jobs = jobs;
    this.clock = clock;
  }

  /**
   * Submits for the enrolled student.
   *
   * @throws AccessRefusedException when the user is not enrolled in the offering
   */
  @Transactional
  public SubmitOutcome submit(LabSettings settings, long userId, SubmitRequest request) {
    if (settings.enrollment().isEmpty()) {
      throw new AccessRefusedException("error.detail.notEnrolled");
    }
    LabAssignment rules = settings.assignment();
    long offeringId = settings.offering().getId();
    long itemId = settings.item().getId();
    submissions.lockEnrollment(offeringId, userId);
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (LatePolicy.pastHardCutoff(rules, now)) {
      return SubmitOutcome.refused("lab.submit.cutoff", Date.from(rules.getHardCutoffAt().toInstant()));
    }
    long used = submissions.countByUserIdAndOfferingIdAndItemIdAndCountsAsAttemptTrue(userId, offeringId, itemId);
    if (rules.getMaxAttempts() != null && used >= rules.getMaxAttempts()) {
      return SubmitOutcome.refused("lab.submit.noAttemptsLeft", rules.getMaxAttempts());
    }
    List<Submission> previous = submissions.findByUserIdAndOfferingIdAndItemIdOrderBySubmittedAtDesc(userId,
        offeringId, itemId);
    if (!previous.isEmpty() && rules.getCooldownSeconds() > 0) {
      OffsetDateTime allowed = previous.get(0).getSubmittedAt().plus(rules.cooldown());
      if (now.isBefore(allowed)) {
        long wait = Math.max(1, Duration.between(now, allowed).toSeconds());
        return SubmitOutcome.refused("lab.submit.cooldown", wait);
      }
    }
    ParamForm.Result params = ParamForm.read(settings, request.params() == null ? Map.of() : request.params());
    Map<String, String> errors = new LinkedHashMap<>(params.errors());
    Map<String, String> code = readCode(settings.lab(), request.code(), errors);
    if (!errors.isEmpty()) {
      return SubmitOutcome.invalid(errors);
    }

    long evalSeed = random.nextLong() & Long.MAX_VALUE;
    LabSpec lab = settings.lab();
    Submission submission = new Submission(userId, offeringId, itemId, lab.id(), lab.version(),
        write(params.values()), write(code), evalSeed, (int) used + 1, now, LatePolicy.daysLate(rules, now));
    submissions.save(submission);
    String tier = JobSubmission.TIERS.contains(rules.getComputeTier()) ? rules.getComputeTier()
        : JobSubmission.CPU_SMALL;
    JobInput input = jobInput(lab, submission.getId(), params.values(), code, rules, evalSeed, tier);
    LabJob job = jobs.submit(new JobSubmission(lab.id(), lab.version(), input.toJson(), userId, offeringId, tier,
        LabJob.PRIORITY_NORMAL));
    submission.attachJob(job.getId());
    return SubmitOutcome.accepted(submission);
  }

  /** Only the lab's hooks, each with some code and within the size limit. */
  private static Map<String, String> readCode(LabSpec lab, Map<String, String> sent,
                                              Map<String, String> errors) {
    Map<String, String> code = new LinkedHashMap<>();
    if (sent == null) {
      return code;
    }
    sent.forEach((name, source) -> {
      if (lab.hook(name).isEmpty()) {
        errors.put("hook-" + name, name + ": this lab has no hook of that name");
      }
      else if (source == null || source.isBlank()) {
        errors.put("hook-" + name, name + ": the code is empty; press Reset to start again from the starter code");
      }
      else if (source.length() > MAX_SOURCE_CHARS) {
        errors.put("hook-" + name, name + ": the code is " + source.length() + " characters, the limit is "
            + MAX_SOURCE_CHARS);
      }
      else {
        code.put(name, source);
      }
    });
    return code;
  }

  /**
   * The job the runner claims and the labs read: seeded by the submission id (reproducible), limited by the lab's
   * spec, with the hidden evaluation seed for the trusted phase only.
   */
  private static JobInput jobInput(LabSpec lab, long submissionId, Map<String, Object> params,
                                   Map<String, String> code, LabAssignment rules, long evalSeed, String tier) {
    JobInput.Resources resources = new JobInput.Resources(1, lab.limits().memoryMb(),
        JobSubmission.GPU.equals(tier) ? "gpu" : "cpu");
    return new JobInput(null, lab.id(), lab.version(), submissionId, ContractJson.MAPPER.valueToTree(params), code,
        rubric(rules.getRubricOverrides()), resources,
        JobInput.Limits.of(lab.limits().wallSeconds(), lab.limits().cpuSeconds()),
        ContractJson.MAPPER.createObjectNode().put("evalSeed", evalSeed), null, null);
  }

  /** The instructor's rubric overrides as stored on the assignment: check id → {threshold, points}. */
  private static Map<String, JobInput.RubricOverride> rubric(String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    try {
      return ContractJson.MAPPER.readValue(json, RUBRIC);
    }
    catch (JsonProcessingException e) {
      throw new IllegalStateException("stored rubric overrides are not a JSON object: " + e.getOriginalMessage(), e);
    }
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    }
    catch (JsonProcessingException e) {
      throw new IllegalStateException("not serialisable: " + e.getOriginalMessage(), e);
    }
  }
}
