package org.ethoslab.app.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.ethoslab.app.account.AccountService;
import org.ethoslab.app.account.Role;
import org.ethoslab.app.account.UserAccountRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Who may see what, CSRF, security headers and login throttling, against the full application on H2. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class SecurityRulesIntegrationTests {

  @Autowired
  MockMvc mvc;

  @LocalServerPort
  int port;

  @Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Autowired
  AccountService accounts;

  @Autowired
  UserAccountRepository accountRepository;

  @Autowired
  UserDetailsService userDetailsService;

  private RequestPostProcessor as(Role role) {
    String email = role.name().toLowerCase() + "-" + UUID.randomUUID() + "@example.org";
    accounts.register(email, role.name(), "correct horse battery", role);
    return user(userDetailsService.loadUserByUsername(email));
  }

  @Test
  void anonymousVisitorIsSentToLoginForProtectedPages() throws Exception {
    for (String path : new String[] {"/join", "/teach", "/admin/users", "/offerings/1", "/account/password"}) {
      mvc.perform(get(path)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }
  }

  @Test
  void publicPagesOpenWithoutLogin() throws Exception {
    mvc.perform(get("/")).andExpect(status().isOk());
    mvc.perform(get("/login")).andExpect(status().isOk());
    mvc.perform(get("/signup")).andExpect(status().isOk());
    mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    mvc.perform(get("/css/ethoslab.css")).andExpect(status().isOk());
    mvc.perform(get("/webjars/katex/dist/katex.min.js")).andExpect(status().isOk());
  }

  @Test
  void studentCannotReachInstructorOrAdminPages() throws Exception {
    RequestPostProcessor student = as(Role.STUDENT);
    mvc.perform(get("/teach").with(student)).andExpect(status().isForbidden());
    mvc.perform(get("/admin/users").with(student)).andExpect(status().isForbidden());
    mvc.perform(post("/teach/offerings").with(student).with(csrf()).param("courseId", "1").param("title", "x"))
        .andExpect(status().isForbidden());
    mvc.perform(get("/actuator/prometheus").with(student)).andExpect(status().isForbidden());
  }

  @Test
  void instructorTeachesButDoesNotAdminister() throws Exception {
    RequestPostProcessor instructor = as(Role.INSTRUCTOR);
    mvc.perform(get("/teach").with(instructor)).andExpect(status().isOk());
    mvc.perform(get("/admin/users").with(instructor)).andExpect(status().isForbidden());
  }

  @Test
  void adminSeesUsersAndMetrics() throws Exception {
    RequestPostProcessor admin = as(Role.ADMIN);
    mvc.perform(get("/admin/users").with(admin)).andExpect(status().isOk());
    mvc.perform(get("/teach").with(admin)).andExpect(status().isOk());
    mvc.perform(get("/actuator/prometheus").with(admin)).andExpect(status().isOk());
  }

  @Test
  void postWithoutCsrfTokenIsRefused() throws Exception {
    mvc.perform(post("/join").with(as(Role.STUDENT)).param("code", "ACDEFGHJ")).andExpect(status().isForbidden());
    long before = accountRepository.count();
    mvc.perform(post("/signup").param("email", "nocsrf@example.org").param("displayName", "X")
        .param("password", "a long password 1").param("confirmPassword", "a long password 1"))
        .andExpect(status().isForbidden());
    assertThat(accountRepository.count()).isEqualTo(before);
  }

  @Test
  void responsesCarrySecurityHeaders() throws Exception {
    mvc.perform(get("/login"))
        .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.allOf(
            org.hamcrest.Matchers.containsString("script-src 'self'"),
            org.hamcrest.Matchers.containsString("frame-ancestors 'none'"),
            org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("unsafe-inline")))))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(header().string("X-Frame-Options", "DENY"))
        .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
  }

  @Test
  void repeatedFailedLoginsLockTheAccountForThisAddress() throws Exception {
    String email = "throttled-" + UUID.randomUUID() + "@example.org";
    accounts.register(email, "T", "the right password", Role.STUDENT);
    for (int i = 0; i < 5; i++) {
      mvc.perform(post("/login").with(csrf()).param("username", email).param("password", "wrong password"))
          .andExpect(redirectedUrl("/login?error"));
    }
    // Even the right password is refused while locked, and the page says for how long.
    mvc.perform(post("/login").with(csrf()).param("username", email).param("password", "the right password"))
        .andExpect(redirectedUrlPattern("/login?locked=*"));
    mvc.perform(get("/login").param("locked", "15"))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Try again in 15 minute(s)")));
  }

  @Test
  void correctLoginSucceeds() throws Exception {
    String email = "login-" + UUID.randomUUID() + "@example.org";
    accounts.register(email, "L", "the right password", Role.STUDENT);
    mvc.perform(post("/login").with(csrf()).param("username", email.toUpperCase()).param("password",
        "the right password")).andExpect(redirectedUrl("/"));
  }

  @Test
  void forbiddenAndMissingPagesExplainThemselvesOverRealHttp() throws Exception {
    String email = "http-" + UUID.randomUUID() + "@example.org";
    accounts.register(email, "H", "the right password", Role.STUDENT);
    HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    String base = "http://localhost:" + port;
    String login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
        .matcher(login);
    assertThat(token.find()).isTrue();
    String form = "username=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8)
        + "&password=the+right+password&_csrf=" + token.group(1);
    client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());

    HttpResponse<String> forbidden = client.send(HttpRequest.newBuilder(URI.create(base + "/teach"))
        .header("Accept", "text/html").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(forbidden.body()).contains("You may not open this page");
    HttpResponse<String> missing = client.send(HttpRequest.newBuilder(URI.create(base + "/no-such-page"))
        .header("Accept", "text/html").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("This page does not exist");
  }

  @Test
  void rememberMeIssuesAPersistentToken() throws Exception {
    String email = "remember-" + UUID.randomUUID() + "@example.org";
    accounts.register(email, "R", "the right password", Role.STUDENT);
    mvc.perform(post("/login").with(csrf()).param("username", email).param("password", "the right password")
            .param("remember-me", "on"))
        .andExpect(redirectedUrl("/"))
        .andExpect(cookie().exists("remember-me"))
        .andExpect(cookie().httpOnly("remember-me", true));
    assertThat(jdbc.queryForObject("select count(*) from persistent_logins where username = ?", Long.class, email))
        .isEqualTo(1);
  }

  @Test
  void unknownPageGetsPlainNotFoundPage() throws Exception {
    mvc.perform(get("/offerings/999999").with(as(Role.STUDENT))).andExpect(status().isNotFound())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("There is no course offering")));
    mvc.perform(get("/offerings/abc").with(as(Role.STUDENT))).andExpect(status().isBadRequest())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("A number in the address is not valid")));
  }
}
