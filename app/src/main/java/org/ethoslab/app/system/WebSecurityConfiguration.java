package org.ethoslab.app.system;

import java.time.Duration;

import javax.sql.DataSource;

import org.ethoslab.app.account.AdminProperties;
import org.ethoslab.app.account.LoginOutcomeHandlers;
import org.ethoslab.app.account.LoginThrottle;
import org.ethoslab.app.account.LoginThrottleFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Security of the web UI: who may open which page, form login with remember-me and throttling, CSRF, and the
 * response headers. Other chains (the runner API's bearer tokens) are registered elsewhere with a lower order
 * and their own {@code securityMatcher}; this chain takes every request they do not claim.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminProperties.class)
class WebSecurityConfiguration {

  static final String LOGIN_PATH = "/login";

  /** No inline script or style anywhere; KaTeX fonts come from our own webjar path. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
      + "form-action 'self'; frame-ancestors 'none'";

  @Bean
  @Order(10)
  SecurityFilterChain webSecurityFilterChain(HttpSecurity http, LoginThrottle throttle,
                                             UserDetailsService userDetailsService,
                                             PersistentTokenRepository rememberMeTokens,
                                             @Value("${ethoslab.remember-me.key:${random.uuid}}")
                                             String rememberMeKey) throws Exception {
    http
        .authorizeHttpRequests(auth -> auth
            .requestMatchers("/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
            .requestMatchers("/", LOGIN_PATH, "/signup").permitAll()
            .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
            .requestMatchers("/actuator/**", "/admin/**").hasRole("ADMIN")
            .requestMatchers("/teach/**").hasRole("INSTRUCTOR")
            .anyRequest().authenticated())
        .formLogin(form -> form
            .loginPage(LOGIN_PATH)
            .successHandler(LoginOutcomeHandlers.success(throttle))
            .failureHandler(LoginOutcomeHandlers.failure(throttle, LOGIN_PATH))
            .permitAll())
        // Basic credentials are accepted (a Prometheus scraper with an admin account), but whoever is not signed in
        // is always sent to the login page rather than given a 401 with a browser password prompt.
        .httpBasic(basic -> { })
        .exceptionHandling(ex -> ex.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(LOGIN_PATH)))
        .rememberMe(remember -> remember
            .key(rememberMeKey)
            .tokenRepository(rememberMeTokens)
            .userDetailsService(userDetailsService)
            .tokenValiditySeconds((int) Duration.ofDays(14).toSeconds()))
        .logout(logout -> logout
            .logoutSuccessUrl(LOGIN_PATH + "?logout")
            .deleteCookies("JSESSIONID"))
        .addFilterBefore(new LoginThrottleFilter(throttle, LOGIN_PATH), UsernamePasswordAuthenticationFilter.class)
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
            .frameOptions(frame -> frame.deny())
            .contentTypeOptions(nosniff -> { })
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
    return http.build();
  }

  /** Argon2 is not on the classpath (it needs Bouncy Castle), so new hashes use BCrypt under the {bcrypt} prefix. */
  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  PersistentTokenRepository rememberMeTokenRepository(DataSource dataSource) {
    JdbcTokenRepositoryImpl repository = new JdbcTokenRepositoryImpl();
    repository.setDataSource(dataSource);
    return repository;
  }
}
