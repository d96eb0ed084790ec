package org.ethoslab.app.submission;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ethoslab.app.account.CurrentUser;
import org.ethoslab.app.lab.AssignedLab;
import org.ethoslab.app.lab.LabWorkspace;
import org.ethoslab.app.queue.JobEventLog;
import org.ethoslab.app.queue.JobEventLog.StoredEvent;
import org.ethoslab.app.queue.LabJob;
import org.ethoslab.app.queue.LabJobService;
import org.ethoslab.app.system.PageNotFoundException;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A student's own submissions: the live run page and its event stream, cancel, the result page, the history of a
 * lab item and two runs side by side. Another user's submission is not found (404), never shown.
 */
@Controller
class SubmissionPagesController {

  /** Model attribute: true when the runner that ran (or runs) the job had no sandbox. */
  static final String RUN_UNSANDBOXED = "runUnsandboxed";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SubmissionRepository submissions;
  private final LabWorkspace workspace;
  private final LabJobService jobs;
  private final JobEventLog events;
  private final RunStatus runStatus;
  private final RunStream stream;
  private final Clock clock;

  SubmissionPagesController(SubmissionRepository submissions, LabWorkspace workspace, LabJobService jobs,
                            JobEventLog events, RunStatus runStatus, RunStream stream, Clock clock) {
    this.submissions = submissions;
    this.workspace = workspace;
    this.jobs = jobs;
    this.events = events;
    this.runStatus = runStatus;
    this.stream = stream;
    this.clock = clock;
  }

  @GetMapping("/submissions/{id}")
  String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
    Submission submission = own(id, user);
    AssignedLab lab = workspace.assigned(submission.getOfferingId(), submission.getItemId(), user.getAccountId(),
        user.isAdmin());
    model.addAttribute("submission", submission);
    model.addAttribute("offering", lab.offering());
    model.addAttribute("item", lab.item());
    LabJob job = submission.getJobId() == null ? null : jobs.find(submission.getJobId());
    model.addAttribute(RUN_UNSANDBOXED, job != null && job.ranWithoutSandbox());
    if (!submission.isFinished()) {
      model.addAttribute("status", runStatus.of(job));
      return "submission/run";
    }
    model.addAttribute("result", ResultView.of(submission, lab.assignment(), OffsetDateTime.now(clock),
        errorEvent(job)));
    return "submission/result";
  }

  @GetMapping(path = "/submissions/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @ResponseBody
  SseEmitter events(@PathVariable long id, @AuthenticationPrincipal CurrentUser user,
                    @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
    Submission submission = own(id, user);
    return stream.open(submission.getJobId(), lastEventId, "/submissions/" + id);
  }

  @PostMapping("/submissions/{id}/cancel")
  String cancel(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
    Submission submission = own(id, user);
    if (!submission.isFinished()) {
      jobs.cancel(submission.getJobId());
      redirect.addFlashAttribute("message", "run.cancelRequested");
    }
    return "redirect:/submissions/" + id;
  }

  @GetMapping("/offerings/{offeringId}/labs/{itemId}/history")
  String history(@PathVariable long offeringId, @PathVariable long itemId, @AuthenticationPrincipal CurrentUser user,
                 Model model) {
    AssignedLab lab = workspace.assigned(offeringId, itemId, user.getAccountId(), user.isAdmin());
    model.addAttribute("offering", lab.offering());
    model.addAttribute("item", lab.item());
    model.addAttribute("runs", submissions.findByUserIdAndOfferingIdAndItemIdOrderBySubmittedAtDesc(
        user.getAccountId(), offeringId, itemId));
    return "submission/history";
  }

  @GetMapping("/submissions/compare")
  String compare(@RequestParam long a, @RequestParam long b, @AuthenticationPrincipal CurrentUser user, Model model) {
    Submission left = own(a, user);
    Submission right = own(b, user);
    AssignedLab lab = workspace.assigned(left.getOfferingId(), left.getItemId(), user.getAccountId(),
        user.isAdmin());
    OffsetDateTime now = OffsetDateTime.now(clock);
    model.addAttribute("offering", lab.offering());
    model.addAttribute("item", lab.item());
    model.addAttribute("sides", List.of(
        new Side(ResultView.of(left, lab.assignment(), now, null), asMap(left.getParams()),
            asMap(left.getCode())),
        new Side(ResultView.of(right, lab.assignment(), now, null), asMap(right.getParams()),
            asMap(right.getCode()))));
    return "submission/compare";
  }

  /** One column of the comparison. */
  record Side(ResultView result, Map<String, Object> params, Map<String, Object> code) {
  }

  /** The submission when it belongs to the signed-in user; anyone else's is not found. */
  private Submission own(long id, CurrentUser user) {
    return submissions.findById(id).filter(s -> s.getUserId() == user.getAccountId())
        .orElseThrow(() -> new PageNotFoundException("error.detail.submission"));
  }

  /** The run's first error event from the runner or the lab; student code cannot print one that counts here. */
  private JsonNode errorEvent(LabJob job) {
    if (job == null) {
      return null;
    }
    List<StoredEvent> stored = events.after(job.getId(), job.getAttempt(), 0);
    for (StoredEvent e : stored) {
      if ("error".equals(e.type())) {
        JsonNode event = readObject(e.data());
        if (EventChannels.trusted(event)) {
          return event;
        }
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(String json) {
    return JSON.convertValue(readObject(json), Map.class);
  }

  private static JsonNode readObject(String json) {
    try {
      return JSON.readTree(json == null ? "{}" : json);
    }
    catch (JsonProcessingException e) {
      return JSON.createObjectNode();
    }
  }
}
