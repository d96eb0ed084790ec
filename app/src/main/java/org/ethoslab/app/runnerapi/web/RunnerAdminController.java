package org.ethoslab.app.runnerapi.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ethoslab.app.queue.LabJobRepository;
import org.ethoslab.app.queue.LabJobState;
import org.ethoslab.app.runnerapi.Runner;
import org.ethoslab.app.runnerapi.RunnerRegistry;
import org.ethoslab.app.system.PageNotFoundException;
import org.ethoslab.contract.runner.RunnerCapabilities;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's runner fleet: every runner with what it last reported and the jobs it holds; register one (its token is
 * shown once, on the page right after, and never again) and revoke one. ADMIN-only through the web security chain's
 * {@code /admin/**} rule.
 */
@Controller
class RunnerAdminController {

  static final String VIEW = "runnerapi/runners";
  private static final String REDIRECT = "redirect:/admin/runners";

  private final RunnerRegistry registry;
  private final LabJobRepository jobs;
  private final ObjectMapper json = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  RunnerAdminController(RunnerRegistry registry, LabJobRepository jobs) {
    this.registry = registry;
    this.jobs = jobs;
  }

  @GetMapping("/admin/runners")
  String initRunnerForm(Model model) {
    if (!model.containsAttribute("runnerForm")) {
      model.addAttribute("runnerForm", new RunnerForm());
    }
    model.addAttribute("runners", rows());
    return VIEW;
  }

  @PostMapping("/admin/runners")
  String processRunnerForm(@Valid @ModelAttribute("runnerForm") RunnerForm form, BindingResult result, Model model,
                           RedirectAttributes redirect) {
    if (!result.hasErrors() && registry.all().stream().anyMatch(r -> r.getName().equals(form.getName()))) {
      result.rejectValue("name", "runners.name.taken");
    }
    if (result.hasErrors()) {
      model.addAttribute("runners", rows());
      return VIEW;
    }
    RunnerRegistry.IssuedToken issued = registry.register(form.getName());
    // A flash attribute lives for exactly the next request: the token is shown once and kept nowhere.
    redirect.addFlashAttribute("issuedToken", issued);
    redirect.addFlashAttribute("message", "runners.flash.registered");
    redirect.addFlashAttribute("messageArg", issued.name());
    return REDIRECT;
  }

  @PostMapping("/admin/runners/{runnerId}/revoke")
  String processRevoke(@PathVariable long runnerId, RedirectAttributes redirect) {
    Runner runner = registry.all().stream().filter(r -> r.getId() == runnerId).findFirst()
        .orElseThrow(() -> new PageNotFoundException("runners.notFound"));
    registry.revoke(runnerId);
    redirect.addFlashAttribute("message", "runners.flash.revoked");
    redirect.addFlashAttribute("messageArg", runner.getName());
    return REDIRECT;
  }

  private List<RunnerRow> rows() {
    Map<Long, Long> running = new HashMap<>();
    for (Object[] row : jobs.countByLeaseOwner(List.of(LabJobState.LEASED, LabJobState.RUNNING))) {
      if (row[0] != null) {
        running.put((Long) row[0], (Long) row[1]);
      }
    }
    return registry.all().stream().map(r -> row(r, running.getOrDefault(r.getId(), 0L))).toList();
  }

  private RunnerRow row(Runner runner, long runningJobs) {
    RunnerCapabilities caps = capabilities(runner.getCapabilities());
    return new RunnerRow(runner.getId(), runner.getName(), runner.isInternalRunner(), runner.isRevoked(),
        runner.getCreatedAt(), runner.getLastSeenAt(), runner.getIsolation(), runner.isAllowUnsandboxed(),
        caps.cpus(), caps.memoryMb(), caps.gpus(), caps.gpuMemoryMb(), caps.slots(), caps.labs(), caps.version(),
        runningJobs);
  }

  private RunnerCapabilities capabilities(String stored) {
    if (stored == null) {
      return new RunnerCapabilities(0, 0, 0, 0, List.of(), null, 0, null);
    }
    try {
      return json.readValue(stored, RunnerCapabilities.class);
    } catch (IOException e) {
      // Written by this app from a parsed record; unreadable only if the record changed shape since.
      return new RunnerCapabilities(0, 0, 0, 0, List.of(), null, 0, null);
    }
  }
}
