package org.ethoslab.app.account;

import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Lets a signed-in user change their password. */
@Controller
class PasswordChangeController {

  static final String VIEW = "account/password";

  private final AccountService accountService;
  private final PersistentTokenRepository rememberMeTokens;

  PasswordChangeController(AccountService accountService, PersistentTokenRepository rememberMeTokens) {
    this.accountService = accountService;
    this.rememberMeTokens = rememberMeTokens;
  }

  @GetMapping("/account/password")
  String initPasswordForm(Model model) {
    model.addAttribute("passwordChangeForm", new PasswordChangeForm());
    return VIEW;
  }

  @PostMapping("/account/password")
  String processPasswordForm(@Valid @ModelAttribute("passwordChangeForm") PasswordChangeForm form,
                             BindingResult result, @AuthenticationPrincipal CurrentUser user,
                             RedirectAttributes redirect) {
    PasswordRules.violation(form.getNewPassword(), user.getUsername())
        .ifPresent(key -> result.rejectValue("newPassword", key));
    if (!result.hasFieldErrors("newPassword") && !form.getNewPassword().equals(form.getConfirmPassword())) {
      result.rejectValue("confirmPassword", "password.mismatch");
    }
    if (!result.hasErrors()
        && !accountService.changePassword(user.getAccountId(), form.getCurrentPassword(), form.getNewPassword())) {
      result.rejectValue("currentPassword", "password.currentWrong");
    }
    if (result.hasErrors()) {
      form.setCurrentPassword("");
      form.setNewPassword("");
      form.setConfirmPassword("");
      return VIEW;
    }
    // "Keep me logged in" cookies issued with the old password stop working on every device.
    rememberMeTokens.removeUserTokens(user.getUsername());
    redirect.addFlashAttribute("message", "flash.passwordChanged");
    return "redirect:/";
  }
}
