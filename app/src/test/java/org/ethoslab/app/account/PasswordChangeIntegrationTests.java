package org.ethoslab.app.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Date;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.rememberme.PersistentRememberMeToken;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class PasswordChangeIntegrationTests {

  @Autowired
  MockMvc mvc;

  @Autowired
  AccountService accounts;

  @Autowired
  UserAccountRepository repository;

  @Autowired
  UserDetailsService users;

  @Autowired
  PasswordEncoder encoder;

  @Autowired
  PersistentTokenRepository rememberMeTokens;

  @Test
  void wrongCurrentPasswordChangesNothing() throws Exception {
    String email = "pw-" + UUID.randomUUID() + "@example.org";
    accounts.register(email, "P", "the old password", Role.STUDENT);
    mvc.perform(post("/account/password").with(csrf()).with(user(users.loadUserByUsername(email)))
            .param("currentPassword", "not my password").param("newPassword", "a brand new password")
            .param("confirmPassword", "a brand new password"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("That is not your current password")));
    assertThat(encoder.matches("the old password", repository.findByEmail(email).orElseThrow().getPasswordHash()))
        .isTrue();
  }

  @Test
  void changingThePasswordRehashesItAndRevokesRememberMeTokens() throws Exception {
    String email = "pw-" + UUID.randomUUID() + "@example.org";
    accounts.register(email, "P", "the old password", Role.STUDENT);
    String series = UUID.randomUUID().toString().substring(0, 20);
    rememberMeTokens.createNewToken(new PersistentRememberMeToken(email, series, "token", new Date()));

    mvc.perform(post("/account/password").with(csrf()).with(user(users.loadUserByUsername(email)))
            .param("currentPassword", "the old password").param("newPassword", "a brand new password")
            .param("confirmPassword", "a brand new password"))
        .andExpect(redirectedUrl("/"));
    String hash = repository.findByEmail(email).orElseThrow().getPasswordHash();
    assertThat(hash).startsWith("{bcrypt}");
    assertThat(encoder.matches("a brand new password", hash)).isTrue();
    assertThat(rememberMeTokens.getTokenForSeries(series)).isNull();
  }
}
