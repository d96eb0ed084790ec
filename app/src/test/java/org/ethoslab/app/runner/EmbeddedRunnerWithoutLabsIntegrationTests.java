package org.ethoslab.app.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.ethoslab.app.account.AccountService;
import org.ethoslab.app.account.Role;
import org.ethoslab.app.course.CourseItem;
import org.ethoslab.app.course.CourseRepository;
import org.ethoslab.app.course.ItemBodies;
import org.ethoslab.app.labspec.PublishedLabs;
import org.ethoslab.app.lesson.ProgressService;
import org.ethoslab.app.offering.Offering;
import org.ethoslab.app.offering.OfferingService;
import org.ethoslab.app.runnerapi.Runner;
import org.ethoslab.app.runnerapi.RunnerRegistry;
import org.ethoslab.curriculum.ItemKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An app with no labs.jar next to it (the Docker app image's case) before any runner has published a lab, on
 * loopback with {@code ethoslab.runner.allow-unsandboxed=true}: it starts and imports its curriculum all the same,
 * its lab pages say that no runner offers the lab yet, and the explicit setting (with loopback) is what lets its
 * embedded runner take student code without a sandbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "server.address=127.0.0.1",
    "ethoslab.runner.embedded.enabled=true",
    "ethoslab.runner.embedded.name=embedded-without-labs",
    "ethoslab.runner.embedded.labs-home=target/no-labs-here",
    "ethoslab.runner.embedded.work-dir=target/embedded-runner-without-labs",
    "ethoslab.runner.allow-unsandboxed=true"})
@AutoConfigureMockMvc
class EmbeddedRunnerWithoutLabsIntegrationTests {

  @Autowired PublishedLabs labs;
  @Autowired CourseRepository courses;
  @Autowired ProgressService progress;
  @Autowired AccountService accounts;
  @Autowired OfferingService offerings;
  @Autowired RunnerRegistry registry;
  @Autowired EmbeddedRunnerLauncher launcher;
  @Autowired UserDetailsService users;
  @Autowired MockMvc mvc;

  @Test
  void theCurriculumIsImportedAtStartThoughNoRunnerHasPublishedALab() {
    assertThat(labs.all()).isEmpty();
    assertThat(labs.knownLabs().checked()).as("no lab known yet: any lab id is accepted").isFalse();
    assertThat(courses.findAll()).isNotEmpty();
  }

  @Test
  void aLabPageSaysInPlainWordsThatNoRunnerOffersTheLabYet() throws Exception {
    String email = "no-runner-" + UUID.randomUUID() + "@example.org";
    long teacher = accounts.register("t-" + email, "Teacher", "a sturdy passphrase 42", Role.INSTRUCTOR).getId();
    long student = accounts.register(email, "Student", "a sturdy passphrase 42", Role.STUDENT).getId();
    long courseId = courses.findAll().get(0).getId();
    Offering offering = offerings.create(teacher, courseId, "No runner yet");
    offerings.join(student, offering.getJoinCode());
    CourseItem lab = progress.progress(courseId, Optional.empty()).items().stream()
        .filter(i -> i.getKind() == ItemKind.LAB).findFirst().orElseThrow();

    String page = mvc.perform(get("/offerings/" + offering.getId() + "/labs/" + lab.getId())
            .with(user(users.loadUserByUsername(email))))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

    assertThat(page).contains("This lab cannot run yet")
        .contains("No runner offers this lab yet (lab id \u2018" + ItemBodies.lab(lab).labId() + "\u2019)")
        .doesNotContain("lab-form");
  }

  @Test
  void loopbackAndTheExplicitSettingLetTheEmbeddedRunnerTakeStudentCodeWithoutASandbox() throws Exception {
    assertThat(launcher.unsandboxedAllowed()).isTrue();
    Runner embedded = registry.all().stream().filter(r -> r.getName().equals("embedded-without-labs")).findFirst()
        .orElseThrow();
    assertThat(embedded.isAllowUnsandboxed()).isTrue();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (launcher.startFailure().isEmpty() && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    assertThat(launcher.startFailure()).as("without a labs.jar the runner itself cannot start").get()
        .asString().contains("labs.jar");
  }
}
