package org.ethoslab.app.gradebook;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.ethoslab.app.account.CurrentUser;
import org.ethoslab.app.account.UserAccount;
import org.ethoslab.app.account.UserAccountRepository;
import org.ethoslab.app.course.CourseItemRepository;
import org.ethoslab.app.grading.GradeOverride;
import org.ethoslab.app.grading.GradeOverrideService;
import org.ethoslab.app.grading.RegradeRepository;
import org.ethoslab.app.grading.TeachingAccess;
import org.ethoslab.app.offering.Offering;
import org.ethoslab.app.submission.Submission;
import org.ethoslab.app.submission.SubmissionRepository;
import org.ethoslab.app.system.PageNotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The gradebook of an offering, its CSV export, any submission in detail, and manual overrides. */
@Controller
class GradebookController {

  static final String GRADEBOOK_VIEW = "grading/gradebook";
  static final String SUBMISSION_VIEW = "grading/submission";

  private final TeachingAccess teaching;
  private final GradebookService gradebooks;
  private final SubmissionRepository submissions;
  private final CourseItemRepository items;
  private final UserAccountRepository accounts;
  private final GradeOverrideService overrides;
  private final RegradeRepository regrades;

  GradebookController(TeachingAccess teaching, GradebookService gradebooks, SubmissionRepository submissions,
                      CourseItemRepository items, UserAccountRepository accounts, GradeOverrideService overrides,
                      RegradeRepository regrades) {
    this.teaching = teaching;
    this.gradebooks = gradebooks;
    this.submissions = submissions;
    this.items = items;
    this.accounts = accounts;
    this.overrides = overrides;
    this.regrades = regrades;
  }

  @GetMapping("/teach/offerings/{offeringId}/gradebook")
  String showGradebook(@PathVariable long offeringId, @AuthenticationPrincipal CurrentUser user, Model model) {
    Offering offering = teaching.requireTeaching(offeringId, user);
    model.addAttribute("offering", offering);
    model.addAttribute("gradebook", gradebooks.build(offering));
    return GRADEBOOK_VIEW;
  }

  @GetMapping("/teach/offerings/{offeringId}/gradebook.csv")
  ResponseEntity<byte[]> exportGradebook(@PathVariable long offeringId, @AuthenticationPrincipal CurrentUser user) {
    Offering offering = teaching.requireTeaching(offeringId, user);
    byte[] body = GradebookCsv.write(gradebooks.build(offering)).getBytes(StandardCharsets.UTF_8);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("gradebook-offering-" + offeringId + ".csv").build().toString())
        .body(body);
  }

  @GetMapping("/teach/offerings/{offeringId}/submissions/{submissionId}")
  String showSubmission(@PathVariable long offeringId, @PathVariable long submissionId,
                        @AuthenticationPrincipal CurrentUser user, Model model) {
    Offering offering = teaching.requireTeaching(offeringId, user);
    Submission submission = submissionOf(offering, submissionId);
    if (!model.containsAttribute("overrideForm")) {
      model.addAttribute("overrideForm", new OverrideForm());
    }
    addSubmission(model, offering, submission);
    return SUBMISSION_VIEW;
  }

  @PostMapping("/teach/offerings/{offeringId}/submissions/{submissionId}/override")
  String processOverrideForm(@PathVariable long offeringId, @PathVariable long submissionId,
                             @Valid @ModelAttribute("overrideForm") OverrideForm form, BindingResult result,
                             @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
    Offering offering = teaching.requireTeaching(offeringId, user);
    Submission submission = submissionOf(offering, submissionId);
    double max = submission.getMaxScore() == null ? 100.0 : submission.getMaxScore();
    if (form.getScore() != null && form.getScore() > max) {
      result.rejectValue("score", "gradebook.override.scoreAboveMax", new Object[] {GradebookCsv.number(max)}, null);
    }
    if (result.hasErrors()) {
      addSubmission(model, offering, submission);
      return SUBMISSION_VIEW;
    }
    overrides.override(submission, form.getScore(), form.getReason(), user.getAccountId());
    redirect.addFlashAttribute("message", "flash.gradebook.overrideSaved");
    return "redirect:/teach/offerings/" + offeringId + "/submissions/" + submissionId;
  }

  private Submission submissionOf(Offering offering, long submissionId) {
    return submissions.findById(submissionId)
        .filter(s -> s.getOfferingId() == offering.getId())
        .orElseThrow(() -> new PageNotFoundException("error.detail.submission"));
  }

  private void addSubmission(Model model, Offering offering, Submission submission) {
    var history = overrides.history(submission.getId());
    Map<Long, UserAccount> people = accounts.findAllById(
            history.stream().map(GradeOverride::getOverriddenBy).collect(Collectors.toSet())).stream()
        .collect(Collectors.toMap(UserAccount::getId, Function.identity()));
    model.addAttribute("offering", offering);
    model.addAttribute("submission", submission);
    model.addAttribute("student", accounts.findById(submission.getUserId()).orElseThrow());
    model.addAttribute("item", items.findById(submission.getItemId()).orElseThrow());
    model.addAttribute("detail", SubmissionDetail.of(submission));
    model.addAttribute("effectiveScore", overrides.effectiveScore(submission));
    model.addAttribute("overrides", history);
    model.addAttribute("overriders", people);
    model.addAttribute("regrades", regrades.findBySubmissionIdOrderByRequestedAtDescIdDesc(submission.getId()));
  }
}
