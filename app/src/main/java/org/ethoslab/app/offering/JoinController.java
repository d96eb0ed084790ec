package org.ethoslab.app.offering;

import jakarta.validation.Valid;

import org.ethoslab.app.account.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A student joins an offering with its join code. */
@Controller
class JoinController {

  static final String VIEW = "offering/join";

  private final OfferingService offeringService;

  JoinController(OfferingService offeringService) {
    this.offeringService = offeringService;
  }

  @GetMapping("/join")
  String initJoinForm(Model model) {
    model.addAttribute("joinForm", new JoinForm());
    return VIEW;
  }

  @PostMapping("/join")
  String processJoinForm(@Valid @ModelAttribute("joinForm") JoinForm form, BindingResult result,
                         @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
    if (result.hasErrors()) {
      return VIEW;
    }
    OfferingService.JoinResult joined = offeringService.join(user.getAccountId(), form.getCode());
    switch (joined.outcome()) {
      case UNKNOWN_CODE -> {
        result.rejectValue("code", "join.unknownCode");
        return VIEW;
      }
      case ALREADY_ENROLLED -> redirect.addFlashAttribute("message", "flash.alreadyEnrolled");
      case JOINED -> redirect.addFlashAttribute("message", "flash.joined");
    }
    redirect.addFlashAttribute("messageArg", joined.offering().getTitle());
    return "redirect:/offerings/" + joined.offering().getId();
  }
}
