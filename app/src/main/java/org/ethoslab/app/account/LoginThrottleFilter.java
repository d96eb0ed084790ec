package org.ethoslab.app.account;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login POST while {@link LoginThrottle} has the account locked for this IP, before the password is even
 * checked, and sends the user back to the login page with the minutes left. Registered inside the security filter
 * chain only (not as a servlet filter).
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

  private final LoginThrottle throttle;
  private final String loginPath;

  public LoginThrottleFilter(LoginThrottle throttle, String loginPath) {
    this.throttle = throttle;
    this.loginPath = loginPath;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !("POST".equals(request.getMethod()) && loginPath.equals(path));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Duration> locked = throttle.lockedFor(String.valueOf(request.getParameter("username")),
        request.getRemoteAddr());
    if (locked.isPresent()) {
      long minutes = Math.max(1, (locked.get().toSeconds() + 59) / 60);
      response.sendRedirect(request.getContextPath() + loginPath + "?locked=" + minutes);
      return;
    }
    chain.doFilter(request, response);
  }
}
