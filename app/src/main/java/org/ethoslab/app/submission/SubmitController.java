package org.ethoslab.app.submission;

import java.util.LinkedHashMap;
import java.util.Map;

import org.ethoslab.app.account.CurrentUser;
import org.ethoslab.app.lab.LabPage;
import org.ethoslab.app.lab.LabSettings;
import org.ethoslab.app.lab.LabWorkspace;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The lab page's submit: fields {@code p_<param>} and {@code hook_<Hook>}. Accepted → the run page (the submission
 * and its job are committed before the redirect is sent); refused → the lab page again with the student's input and
 * the reason, and nothing saved.
 */
@Controller
class SubmitController {

  private final LabWorkspace workspace;
  private final LabPage page;
  private final SubmissionService service;

  SubmitController(LabWorkspace workspace, LabPage page, SubmissionService service) {
    this.workspace = workspace;
    this.page = page;
    this.service = service;
  }

  @PostMapping("/offerings/{offeringId}/labs/{itemId}/submit")
  String submit(@PathVariable long offeringId, @PathVariable long itemId, @RequestParam Map<String, String> form,
                @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response) {
    LabSettings settings = workspace.open(offeringId, itemId, user.getAccountId(), user.isAdmin());
    Map<String, String> params = new LinkedHashMap<>();
    Map<String, String> code = new LinkedHashMap<>();
    form.forEach((name, value) -> {
      if (name.startsWith("p_")) {
        params.put(name.substring(2), value);
      }
      else if (name.startsWith("hook_")) {
        code.put(name.substring(5), value.replace("\r\n", "\n"));
      }
    });
    SubmitOutcome outcome = service.submit(settings, user.getAccountId(), new SubmitRequest(params, code));
    if (outcome.isAccepted()) {
      return "redirect:/submissions/" + outcome.submission().getId();
    }
    response.setStatus(outcome.fieldErrors().isEmpty() ? HttpStatus.CONFLICT.value()
        : HttpStatus.UNPROCESSABLE_ENTITY.value());
    page.fill(model, settings, params, code, outcome.fieldErrors());
    if (outcome.fieldErrors().isEmpty()) {
      model.addAttribute("refusal", outcome.refusal());
      model.addAttribute("refusalArg", outcome.refusalArgs().isEmpty() ? null : outcome.refusalArgs().get(0));
    }
    return LabPage.VIEW;
  }
}
