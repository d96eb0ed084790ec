package org.ethoslab.app.runnerapi;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Security of {@code /api/runner/**}: bearer runner tokens, stateless, no CSRF (no cookies are involved, so there is
 * nothing for a forged cross-site request to ride on), JSON 401/403. Ordered before the web UI's chain.
 */
@Configuration(proxyBeanMethods = false)
class RunnerApiSecurityConfiguration {

  @Bean
  RunnerProtocolJson runnerProtocolJson() {
    return new RunnerProtocolJson();
  }

  @Bean
  @Order(1)
  SecurityFilterChain runnerApiSecurityFilterChain(HttpSecurity http, RunnerRegistry registry,
                                                   RunnerProtocolJson protocolJson) throws Exception {
    RunnerApiErrors errors = protocolJson.errors();
    http.securityMatcher("/api/runner/**")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .formLogin(form -> form.disable())
        .httpBasic(basic -> basic.disable())
        .logout(logout -> logout.disable())
        .addFilterBefore(new RunnerTokenFilter(registry, errors), AnonymousAuthenticationFilter.class)
        .authorizeHttpRequests(auth -> auth.anyRequest().hasAuthority(RunnerTokenFilter.ROLE))
        .exceptionHandling(handling -> handling
            .authenticationEntryPoint((request, response, e) -> errors.write(response,
                HttpServletResponse.SC_UNAUTHORIZED, "runner token required: send Authorization: Bearer <token>"))
            .accessDeniedHandler((request, response, e) -> errors.write(response,
                HttpServletResponse.SC_FORBIDDEN, "only registered runners may use the runner API")));
    return http.build();
  }
}
