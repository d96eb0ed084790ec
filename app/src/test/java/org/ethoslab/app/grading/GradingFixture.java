package org.ethoslab.app.grading;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.ethoslab.app.account.AccountService;
import org.ethoslab.app.account.Role;
import org.ethoslab.app.account.UserAccount;
import org.ethoslab.app.course.CourseItem;
import org.ethoslab.app.course.CourseItemRepository;
import org.ethoslab.app.course.CourseRepository;
import org.ethoslab.app.offering.Offering;
import org.ethoslab.app.offering.OfferingService;
import org.ethoslab.app.submission.Submission;
import org.ethoslab.app.submission.SubmissionRepository;
import org.ethoslab.curriculum.ItemKind;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * People, an offering of the built-in course, and submissions in a given state, for the grading and gradebook tests.
 * A graded submission is written with SQL because finishing one is the submission package's own business (the runner's
 * completion); the tests here only read such rows.
 */
public final class GradingFixture {

  /** An evaluation as the trusted phase writes it: two checks, two metrics. */
  public static final String EVALUATION = """
      {"lab":"w2s","labVersion":"2","metrics":{"pgr":0.52,"acc_w2s":0.81},"perSeed":[],
       "checks":[{"id":"pgr-positive","description":"PGR above 0.2","points":50,"earned":50,"passed":true,
                  "reason":"median PGR 0.52 >= 0.20"},
                 {"id":"beats-weak","description":"Strong beats weak","points":50,"earned":22,"passed":false,
                  "reason":"acc 0.81 < 0.85"}],
       "score":72,"maxScore":100,"charts":{}}""";

  private final AccountService accounts;
  private final OfferingService offerings;
  private final CourseRepository courses;
  private final CourseItemRepository items;
  private final SubmissionRepository submissions;
  private final JdbcTemplate jdbc;

  public GradingFixture(AccountService accounts, OfferingService offerings, CourseRepository courses,
                        CourseItemRepository items, SubmissionRepository submissions, JdbcTemplate jdbc) {
    this.accounts = accounts;
    this.offerings = offerings;
    this.courses = courses;
    this.items = items;
    this.submissions = submissions;
    this.jdbc = jdbc;
  }

  public UserAccount account(Role role) {
    return account(role, role.name().toLowerCase());
  }

  public UserAccount account(Role role, String displayName) {
    return accounts.register(role.name().toLowerCase() + "-" + UUID.randomUUID() + "@example.org", displayName,
        "long enough password", role);
  }

  public Offering offering(UserAccount teacher) {
    return offerings.create(teacher.getId(), courseId(), "Cohort " + UUID.randomUUID().toString().substring(0, 6));
  }

  public void enroll(UserAccount student, Offering offering) {
    offerings.join(student.getId(), offering.getJoinCode());
  }

  public CourseItem firstLab() {
    return items.findActiveByCourse(courseId()).stream()
        .filter(i -> i.getKind() == ItemKind.LAB).findFirst().orElseThrow();
  }

  /** A finished, graded submission: raw score 72 of 100, {@code score} after the late penalty. */
  public Submission graded(UserAccount student, Offering offering, CourseItem item, OffsetDateTime at, int daysLate,
                           double score, Long jobId) {
    Submission s = submissions.save(new Submission(student.getId(), offering.getId(), item.getId(), "w2s", "2",
        "{\"numSeeds\":3,\"voting\":\"soft\"}", "{\"SoftVote\":\"public class SoftVote {}\"}", 99L, 1, at,
        daysLate));
    jdbc.update("update submission set status = 'FINISHED', outcome = 'SUCCEEDED', evaluation = ?, raw_score = 72, "
        + "max_score = 100, score = ?, finished_at = ?, job_id = ? where id = ?", EVALUATION, score,
        Timestamp.from(at.toInstant()), jobId, s.getId());
    return submissions.findById(s.getId()).orElseThrow();
  }

  private long courseId() {
    return courses.findBySlug("ai-ethics").orElseThrow().getId();
  }
}
