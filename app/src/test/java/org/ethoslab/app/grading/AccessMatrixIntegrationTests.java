package org.ethoslab.app.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ethoslab.app.account.AccountService;
import org.ethoslab.app.account.Role;
import org.ethoslab.app.account.UserAccount;
import org.ethoslab.app.account.UserAccountRepository;
import org.ethoslab.app.course.CourseItem;
import org.ethoslab.app.course.CourseItemRepository;
import org.ethoslab.app.course.CourseRepository;
import org.ethoslab.app.offering.Offering;
import org.ethoslab.app.offering.OfferingService;
import org.ethoslab.app.submission.Submission;
import org.ethoslab.app.submission.SubmissionRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Who may open what in the lab experience and grading, as a matrix: six actors (anonymous, the enrolled student, a
 * student of another offering, the offering's instructor, another instructor, an admin) × every page of issue 5.
 * Each cell is the expected answer: 200, 302 to the login page ("login"), a redirect after a saved form (302), 403 or
 * 404. All mismatches are reported together, so a failure shows the whole broken row.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccessMatrixIntegrationTests {

  private static final String[] ACTORS = {"anonymous", "student", "otherStudent", "instructor", "otherInstructor",
      "admin"};

  @Autowired
  MockMvc mvc;

  @Autowired
  AccountService accounts;

  @Autowired
  UserAccountRepository accountRepository;

  @Autowired
  OfferingService offerings;

  @Autowired
  CourseRepository courses;

  @Autowired
  CourseItemRepository items;

  @Autowired
  SubmissionRepository submissions;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  UserDetailsService users;

  @Test
  void everyActorGetsExactlyTheExpectedAnswerOnEveryPage() throws Exception {
    GradingFixture fixture = new GradingFixture(accounts, offerings, courses, items, submissions, jdbc);
    UserAccount teacher = fixture.account(Role.INSTRUCTOR);
    UserAccount otherTeacher = fixture.account(Role.INSTRUCTOR);
    UserAccount student = fixture.account(Role.STUDENT);
    UserAccount otherStudent = fixture.account(Role.STUDENT);
    Offering offering = fixture.offering(teacher);
    Offering otherOffering = fixture.offering(otherTeacher);
    fixture.enroll(student, offering);
    fixture.enroll(otherStudent, otherOffering);
    CourseItem lab = fixture.firstLab();
    Submission s = fixture.graded(student, offering, lab, OffsetDateTime.now(ZoneOffset.UTC), 0, 72, null);
    UserAccount admin = accountRepository.findByEmail("admin@ethoslab.local").orElseThrow();
    Map<String, UserAccount> who = new LinkedHashMap<>();
    who.put("student", student);
    who.put("otherStudent", otherStudent);
    who.put("instructor", teacher);
    who.put("otherInstructor", otherTeacher);
    who.put("admin", admin);

    long o = offering.getId();
    long i = lab.getId();
    long id = s.getId();
    String teach = "/teach/offerings/" + o;
    //                                                   anon     student otherSt instr  otherIn admin
    List<Row> rows = List.of(
        new Row("GET", teach + "/gradebook",                      "login", "403", "403", "200", "403", "200"),
        new Row("GET", teach + "/gradebook.csv",                  "login", "403", "403", "200", "403", "200"),
        new Row("GET", teach + "/submissions/" + id,              "login", "403", "403", "200", "403", "200"),
        new Row("POST", teach + "/submissions/" + id + "/override", "login", "403", "403", "200", "403", "200"),
        new Row("GET", teach + "/labs",                           "login", "403", "403", "200", "403", "200"),
        new Row("GET", teach + "/labs/" + i + "/settings",        "login", "403", "403", "200", "403", "200"),
        new Row("POST", teach + "/labs/" + i + "/settings",       "login", "403", "403", "302", "403", "302"),
        new Row("GET", teach + "/labs/" + i + "/analytics",       "login", "403", "403", "200", "403", "200"),
        new Row("GET", "/teach/offerings/" + otherOffering.getId() + "/submissions/" + id,
                                                                  "login", "403", "403", "403", "404", "404"),
        new Row("GET", "/teach/offerings/999999999/gradebook",    "login", "403", "403", "404", "404", "404"),
        new Row("GET", "/teach",                                  "login", "403", "403", "200", "200", "200"),
        new Row("GET", "/offerings/" + o,                         "login", "200", "403", "200", "403", "200"),
        new Row("GET", "/offerings/" + o + "/labs/" + i,          "login", "200", "403", "200", "403", "200"),
        new Row("GET", "/offerings/" + o + "/labs/" + i + "/history", "login", "200", "403", "200", "403", "200"),
        new Row("GET", "/submissions/" + id,                      "login", "200", "404", "404", "404", "404"));

    List<String> mismatches = new ArrayList<>();
    for (Row row : rows) {
      for (int a = 0; a < ACTORS.length; a++) {
        MockHttpServletRequestBuilder request = "GET".equals(row.method()) ? get(row.path())
            : post(row.path()).with(csrf());
        if (a > 0) {
          request.with(user(users.loadUserByUsername(who.get(ACTORS[a]).getEmail())));
        }
        MvcResult result = mvc.perform(request).andReturn();
        String actual = answer(result);
        if (!actual.equals(row.expected()[a])) {
          mismatches.add(row.method() + " " + row.path() + " as " + ACTORS[a] + ": expected " + row.expected()[a]
              + ", got " + actual);
        }
      }
    }
    assertThat(mismatches).isEmpty();
  }

  private static String answer(MvcResult result) {
    int status = result.getResponse().getStatus();
    String location = result.getResponse().getRedirectedUrl();
    if (status == 302 && location != null && location.endsWith("/login")) {
      return "login";
    }
    return Integer.toString(status);
  }

  private record Row(String method, String path, String... expected) {
  }
}
