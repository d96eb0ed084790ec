package org.ethoslab.app.account;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/** Form-login success and failure handlers that keep {@link LoginThrottle} informed. */
public final class LoginOutcomeHandlers {

  private LoginOutcomeHandlers() {
  }

  /** On success: clear the failures of this account and IP, then continue to the page that was asked for. */
  public static SavedRequestAwareAuthenticationSuccessHandler success(LoginThrottle throttle) {
    SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler() {
      @Override
      public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                          Authentication authentication) throws ServletException, IOException {
        throttle.recordSuccess(authentication.getName(), request.getRemoteAddr());
        super.onAuthenticationSuccess(request, response, authentication);
      }
    };
    handler.setDefaultTargetUrl("/");
    return handler;
  }

  /** On failure: count it, then show the login page with a plain error. */
  public static AuthenticationFailureHandler failure(LoginThrottle throttle, String loginPath) {
    SimpleUrlAuthenticationFailureHandler delegate = new SimpleUrlAuthenticationFailureHandler(loginPath + "?error");
    return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
      String email = request.getParameter("username");
      if (email != null && !email.isBlank()) {
        throttle.recordFailure(email, request.getRemoteAddr());
      }
      delegate.onAuthenticationFailure(request, response, exception);
    };
  }
}
