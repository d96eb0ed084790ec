package org.ethoslab.app.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.ethoslab.app.account.AccountService;
import org.ethoslab.app.account.Role;
import org.ethoslab.app.account.UserAccount;
import org.ethoslab.app.account.UserAccountRepository;
import org.ethoslab.app.course.CourseItem;
import org.ethoslab.app.course.CourseItemRepository;
import org.ethoslab.app.course.CourseRepository;
import org.ethoslab.app.offering.EnrollmentRepository;
import org.ethoslab.app.offering.Offering;
import org.ethoslab.app.offering.OfferingService;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Reading rules: only enrolled students (and the offering's teacher) see lessons; bad input changes nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class LessonAccessIntegrationTests {

  @Autowired
  MockMvc mvc;

  @Autowired
  AccountService accounts;

  @Autowired
  UserAccountRepository accountRepository;

  @Autowired
  UserDetailsService users;

  @Autowired
  OfferingService offerings;

  @Autowired
  EnrollmentRepository enrollments;

  @Autowired
  CourseRepository courses;

  @Autowired
  CourseItemRepository items;

  @Autowired
  ProgressService progress;

  private UserAccount account(Role role) {
    return accounts.register(role.name().toLowerCase() + "-" + UUID.randomUUID() + "@example.org", "N",
        "long enough password", role);
  }

  private Offering offering(UserAccount teacher) {
    return offerings.create(teacher.getId(), courses.findBySlug("ai-ethics").orElseThrow().getId(), "Cohort");
  }

  private CourseItem firstLesson() {
    List<CourseItem> active = items.findActiveByCourse(courses.findBySlug("ai-ethics").orElseThrow().getId());
    return active.stream().filter(CourseItem::isReading).findFirst().orElseThrow();
  }

  @Test
  void studentOfAnotherOfferingGetsAPlainForbiddenPage() throws Exception {
    UserAccount teacher = account(Role.INSTRUCTOR);
    Offering mine = offering(teacher);
    Offering theirs = offering(teacher);
    UserAccount student = account(Role.STUDENT);
    offerings.join(student.getId(), mine.getJoinCode());
    CourseItem lesson = firstLesson();

    mvc.perform(get("/offerings/{o}/items/{i}", mine.getId(), lesson.getId())
            .with(user(users.loadUserByUsername(student.getEmail()))))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString(lesson.getTitle())));
    mvc.perform(get("/offerings/{o}/items/{i}", theirs.getId(), lesson.getId())
            .with(user(users.loadUserByUsername(student.getEmail()))))
        .andExpect(status().isForbidden())
        .andExpect(content().string(Matchers.containsString("You are not enrolled in this course")));
    mvc.perform(post("/offerings/{o}/items/{i}/complete", theirs.getId(), lesson.getId()).with(csrf())
            .with(user(users.loadUserByUsername(student.getEmail()))))
        .andExpect(status().isForbidden());
    mvc.perform(get("/offerings/{o}/items/{i}", mine.getId(), 987654321L)
            .with(user(users.loadUserByUsername(student.getEmail()))))
        .andExpect(status().isNotFound())
        .andExpect(content().string(Matchers.containsString("This course has no such lesson or item")));
  }

  @Test
  void teacherSeesTheJoinCodeAndEachStudentsProgress() throws Exception {
    UserAccount teacher = account(Role.INSTRUCTOR);
    Offering mine = offering(teacher);
    mvc.perform(get("/offerings/{o}", mine.getId()).with(user(users.loadUserByUsername(teacher.getEmail()))))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString(mine.getDisplayJoinCode())))
        .andExpect(content().string(Matchers.containsString("Nobody has joined yet")));

    UserAccount student = accounts.register("roster-" + UUID.randomUUID() + "@example.org", "Rosa Roster",
        "long enough password", Role.STUDENT);
    offerings.join(student.getId(), mine.getJoinCode());
    long enrollmentId = enrollments.findByOfferingIdAndStudentId(mine.getId(), student.getId()).orElseThrow().getId();
    progress.complete(enrollmentId, firstLesson().getId());
    List<ProgressService.StudentProgress> roster = progress.roster(mine.getId(),
        courses.findBySlug("ai-ethics").orElseThrow().getId());
    assertThat(roster).singleElement().satisfies(sp -> {
      assertThat(sp.completed()).isEqualTo(1);
      assertThat(sp.total()).isGreaterThan(1);
    });
    mvc.perform(get("/offerings/{o}", mine.getId()).with(user(users.loadUserByUsername(teacher.getEmail()))))
        .andExpect(content().string(Matchers.containsString("Rosa Roster")))
        .andExpect(content().string(Matchers.containsString("Students (1)")));
  }

  @Test
  void completingTwiceRecordsOnce() throws Exception {
    UserAccount student = account(Role.STUDENT);
    Offering offering = offering(account(Role.INSTRUCTOR));
    offerings.join(student.getId(), offering.getJoinCode());
    CourseItem lesson = firstLesson();
    for (int i = 0; i < 2; i++) {
      mvc.perform(post("/offerings/{o}/items/{i}/complete", offering.getId(), lesson.getId()).with(csrf())
              .with(user(users.loadUserByUsername(student.getEmail()))))
          .andExpect(redirectedUrl("/offerings/" + offering.getId() + "/items/" + lesson.getId()));
    }
    mvc.perform(get("/offerings/{o}", offering.getId()).with(user(users.loadUserByUsername(student.getEmail()))))
        .andExpect(content().string(Matchers.containsString("1 of ")));
    Long enrollmentId = enrollments.findByOfferingIdAndStudentId(offering.getId(), student.getId()).orElseThrow()
        .getId();
    assertThat(progress.progress(courses.findBySlug("ai-ethics").orElseThrow().getId(),
        java.util.Optional.of(enrollmentId)).completed()).isEqualTo(1);
  }

  @Test
  void duplicateEmailAndWrongJoinCodeAreRefusedAndChangeNothing() throws Exception {
    UserAccount existing = account(Role.STUDENT);
    long accountsBefore = accountRepository.count();
    mvc.perform(post("/signup").with(csrf()).param("email", existing.getEmail().toUpperCase())
            .param("displayName", "Copy").param("password", "long enough password")
            .param("confirmPassword", "long enough password"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("An account with this email already exists")));
    assertThat(accountRepository.count()).isEqualTo(accountsBefore);

    long enrollmentsBefore = enrollments.count();
    mvc.perform(post("/join").with(csrf()).param("code", "QQQQ-QQQQ")
            .with(user(users.loadUserByUsername(existing.getEmail()))))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("No course has this join code")));
    assertThat(enrollments.count()).isEqualTo(enrollmentsBefore);
  }

  @Test
  void signUpCreatesAStudentAndRedirectsToLogin() throws Exception {
    String email = "new-" + UUID.randomUUID() + "@example.org";
    mvc.perform(post("/signup").with(csrf()).param("email", email).param("displayName", "New Student")
            .param("password", "long enough password").param("confirmPassword", "long enough password"))
        .andExpect(redirectedUrl("/login"));
    assertThat(accountRepository.findByEmail(email)).get().extracting(UserAccount::getRole).isEqualTo(Role.STUDENT);
    mvc.perform(post("/signup").with(csrf()).param("email", "not-an-email").param("displayName", "")
            .param("password", "short").param("confirmPassword", "short"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("This is not a valid email address")))
        .andExpect(content().string(Matchers.containsString("at least 10 characters long")));
  }
}
