package org.ethoslab.app.runnerapi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ethoslab.app.account.AccountService;
import org.ethoslab.app.account.Role;
import org.ethoslab.app.queue.QueueIntegrationTest;
import org.ethoslab.app.runnerapi.RunnerRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** The fleet page: admins only; register shows the token once and it works; revoke stops it. */
@QueueIntegrationTest
class RunnerAdminPageIntegrationTests {

  @Autowired
  WebApplicationContext context;
  @Autowired
  AccountService accounts;
  @Autowired
  UserDetailsService users;
  @Autowired
  RunnerRegistry registry;
  @Autowired
  ITemplateEngine templates;

  private MockMvc mvc;

  @BeforeEach
  void mockMvc() {
    // Built here rather than with @AutoConfigureMockMvc so this class shares the queue tests' Spring context.
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
  }

  private RequestPostProcessor as(Role role) {
    String email = role.name().toLowerCase() + "-" + UUID.randomUUID() + "@example.org";
    accounts.register(email, role.name(), "correct horse battery", role);
    return user(users.loadUserByUsername(email));
  }

  @Test
  void onlyAdminsSeeTheFleet() throws Exception {
    String login = mvc.perform(get("/admin/runners")).andExpect(status().is3xxRedirection())
        .andReturn().getResponse().getRedirectedUrl();
    assertThat(login).endsWith("/login");
    mvc.perform(get("/admin/runners").with(as(Role.STUDENT))).andExpect(status().isForbidden());
    mvc.perform(get("/admin/runners").with(as(Role.INSTRUCTOR))).andExpect(status().isForbidden());
    mvc.perform(post("/admin/runners").with(as(Role.INSTRUCTOR)).with(csrf()).param("name", "sneaky"))
        .andExpect(status().isForbidden());
    mvc.perform(get("/admin/runners").with(as(Role.ADMIN))).andExpect(status().isOk());
    assertThat(registry.all()).noneMatch(r -> r.getName().equals("sneaky"));
  }

  @Test
  void registeringShowsTheTokenOnceAndRevokingStopsIt() throws Exception {
    RequestPostProcessor admin = as(Role.ADMIN);
    String name = "gpu-node-" + UUID.randomUUID().toString().substring(0, 8);
    MvcResult registered = mvc.perform(post("/admin/runners").with(admin).with(csrf()).param("name", name))
        .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/runners")).andReturn();
    MockHttpSession session = (MockHttpSession) registered.getRequest().getSession();

    String page = mvc.perform(get("/admin/runners").with(admin).session(session))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    Matcher token = Pattern.compile("id=\"runner-token\">(elr_[A-Za-z0-9_-]+)<").matcher(page);
    assertThat(token.find()).as("token on the page after registering").isTrue();
    assertThat(page).contains(name).contains("shown only this once");
    assertThat(registry.authenticate(token.group(1))).isPresent();

    String again = mvc.perform(get("/admin/runners").with(admin).session(session))
        .andReturn().getResponse().getContentAsString();
    assertThat(again).contains(name).doesNotContain(token.group(1));

    long id = registry.authenticate(token.group(1)).orElseThrow().runnerId();
    mvc.perform(post("/admin/runners/" + id + "/revoke").with(admin).with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(registry.authenticate(token.group(1))).isEmpty();
    mvc.perform(post("/admin/runners/99999999/revoke").with(admin).with(csrf())).andExpect(status().isNotFound());
  }

  @Test
  void theUnsandboxedBannerRendersOnlyWhenTheEmbeddedRunnerHasNoSandbox() {
    Context unsandboxed = new Context(Locale.ENGLISH, Map.of("studentCodeUnsandboxed", true, "studentCodeRefused",
        false));
    assertThat(templates.process("runnerapi/unsandboxed", Set.of("banner"), unsandboxed))
        .contains("WITHOUT A SANDBOX").contains("ETHOSLAB_RUNNER_ALLOW_UNSANDBOXED=true")
        .contains("apt-get install bubblewrap");
    Context refused = new Context(Locale.ENGLISH, Map.of("studentCodeUnsandboxed", false, "studentCodeRefused", true));
    assertThat(templates.process("runnerapi/unsandboxed", Set.of("banner"), refused))
        .contains("Student code cannot run on this installation yet").contains("apt-get install bubblewrap")
        .doesNotContain("WITHOUT A SANDBOX");
    Context sandboxed = new Context(Locale.ENGLISH, Map.of("studentCodeUnsandboxed", false, "studentCodeRefused",
        false));
    assertThat(templates.process("runnerapi/unsandboxed", Set.of("banner"), sandboxed)).doesNotContain("isolation")
        .doesNotContain("bubblewrap").doesNotContain("sandbox");
  }

  @Test
  void aRunsNoSandboxNoticeShowsOnlyForARunWithoutOne() {
    Context none = new Context(Locale.ENGLISH, Map.of("runUnsandboxed", true));
    assertThat(templates.process("runnerapi/unsandboxed", Set.of("run"), none))
        .contains("No sandbox").contains("isolation NONE").doesNotContain("hidden");
    Context full = new Context(Locale.ENGLISH, Map.of("runUnsandboxed", false));
    assertThat(templates.process("runnerapi/unsandboxed", Set.of("run"), full)).contains("hidden");
  }

  @Test
  void badNamesAreRefusedWithAMessageOnTheField() throws Exception {
    RequestPostProcessor admin = as(Role.ADMIN);
    String page = mvc.perform(post("/admin/runners").with(admin).with(csrf()).param("name", "no spaces please"))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("Use 1 to 80 letters");
    String existing = "dup-" + UUID.randomUUID().toString().substring(0, 8);
    registry.register(existing);
    String duplicate = mvc.perform(post("/admin/runners").with(admin).with(csrf()).param("name", existing))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(duplicate).contains("exists already");
  }
}
