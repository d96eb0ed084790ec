package org.ethoslab.app.account;

import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/** Cross-field rules of the sign-up form: password strength and the confirmation matching. */
class SignUpFormValidator implements Validator {

  @Override
  public boolean supports(Class<?> clazz) {
    return SignUpForm.class.isAssignableFrom(clazz);
  }

  @Override
  public void validate(Object target, Errors errors) {
    SignUpForm form = (SignUpForm) target;
    PasswordRules.violation(form.getPassword(), form.getEmail())
        .ifPresent(key -> errors.rejectValue("password", key));
    if (!errors.hasFieldErrors("password") && !form.getPassword().equals(form.getConfirmPassword())) {
      errors.rejectValue("confirmPassword", "password.mismatch");
    }
  }
}
