package org.ethoslab.app.runnerapi;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <runner token>} on the runner API. A request without the header goes on
 * unauthenticated (and is refused by the chain's entry point); a wrong or revoked token is refused here at once.
 * Deliberately not a Spring bean: Boot would otherwise register it for every request of the app.
 */
class RunnerTokenFilter extends OncePerRequestFilter {

  static final String ROLE = "ROLE_RUNNER";
  private static final String BEARER = "Bearer ";

  private final RunnerRegistry registry;
  private final RunnerApiErrors errors;

  RunnerTokenFilter(RunnerRegistry registry, RunnerApiErrors errors) {
    this.registry = registry;
    this.errors = errors;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header == null) {
      chain.doFilter(request, response);
      return;
    }
    Optional<RunnerPrincipal> runner = header.regionMatches(true, 0, BEARER, 0, BEARER.length())
        ? registry.authenticate(header.substring(BEARER.length()).strip())
        : Optional.empty();
    if (runner.isEmpty()) {
      errors.write(response, HttpServletResponse.SC_UNAUTHORIZED,
          "runner token unknown or revoked: send Authorization: Bearer <token> of a registered runner");
      return;
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(runner.get(), null,
        List.of(new SimpleGrantedAuthority(ROLE))));
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
