package org.ethoslab.app.admin;

import org.ethoslab.app.account.UserAccount;
import org.ethoslab.app.account.UserAccountRepository;
import org.ethoslab.app.system.PageNotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's list of users, where a student is promoted to instructor. */
@Controller
class UserAdminController {

  static final String VIEW = "admin/users";

  private final UserAccountRepository accounts;

  UserAdminController(UserAccountRepository accounts) {
    this.accounts = accounts;
  }

  @GetMapping("/admin/users")
  String listUsers(Model model) {
    model.addAttribute("users", accounts.findAllByOrderByCreatedAtAscIdAsc());
    return VIEW;
  }

  @PostMapping("/admin/users/{userId}/promote")
  @Transactional
  String processPromotion(@PathVariable long userId, RedirectAttributes redirect) {
    UserAccount account = accounts.findById(userId)
        .orElseThrow(() -> new PageNotFoundException("error.detail.user"));
    boolean changed = account.promoteToInstructor();
    redirect.addFlashAttribute("message", changed ? "flash.promoted" : "flash.notPromoted");
    redirect.addFlashAttribute("messageArg", account.getEmail());
    return "redirect:/admin/users";
  }
}
