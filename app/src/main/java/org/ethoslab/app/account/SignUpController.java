package org.ethoslab.app.account;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Self sign-up (always as a student) and the login page. */
@Controller
class SignUpController {

  static final String VIEW_SIGN_UP = "account/signup";
  static final String VIEW_LOGIN = "account/login";

  private final AccountService accountService;

  SignUpController(AccountService accountService) {
    this.accountService = accountService;
  }

  @InitBinder("signUpForm")
  void initBinder(WebDataBinder binder) {
    binder.addValidators(new SignUpFormValidator());
  }

  @GetMapping("/login")
  String login() {
    return VIEW_LOGIN;
  }

  @GetMapping("/signup")
  String initSignUpForm(Model model) {
    model.addAttribute("signUpForm", new SignUpForm());
    return VIEW_SIGN_UP;
  }

  @PostMapping("/signup")
  String processSignUpForm(@Valid @ModelAttribute("signUpForm") SignUpForm form, BindingResult result,
                           RedirectAttributes redirect) {
    if (!result.hasFieldErrors("email") && accountService.emailTaken(form.getEmail())) {
      result.rejectValue("email", "email.taken");
    }
    if (result.hasErrors()) {
      form.setPassword("");
      form.setConfirmPassword("");
      return VIEW_SIGN_UP;
    }
    accountService.register(form.getEmail(), form.getDisplayName(), form.getPassword(), Role.STUDENT);
    redirect.addFlashAttribute("message", "flash.signedUp");
    return "redirect:/login";
  }
}
