package org.ethoslab.app.queue;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ethoslab.app.account.AccountService;
import org.ethoslab.app.account.Role;
import org.ethoslab.app.offering.OfferingService;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Real students and offerings for queue tests (jobs reference them by foreign key): tests speak of "student 3" and
 * "offering 7", and this creates each once per Spring context through the account and offering services.
 */
@TestComponent
public class QueueActors {

  private final AccountService accounts;
  private final OfferingService offerings;
  private final JdbcTemplate jdbc;
  private final Map<Long, Long> students = new ConcurrentHashMap<>();
  private final Map<Long, Long> classes = new ConcurrentHashMap<>();

  QueueActors(AccountService accounts, OfferingService offerings, JdbcTemplate jdbc) {
    this.accounts = accounts;
    this.offerings = offerings;
    this.jdbc = jdbc;
  }

  /** The account id of the test's student number {@code n}. */
  public long student(long n) {
    return students.computeIfAbsent(n, k -> account("student", k, Role.STUDENT));
  }

  /** The id of the test's offering number {@code n} (of the built-in course), or null for null. */
  public Long offering(Long n) {
    if (n == null) {
      return null;
    }
    return classes.computeIfAbsent(n, k -> {
      long owner = students.computeIfAbsent(-1L, i -> account("instructor", i, Role.INSTRUCTOR));
      Long course = jdbc.queryForObject("select min(id) from course", Long.class);
      return offerings.create(owner, course, "Queue test class " + k).getId();
    });
  }

  private long account(String kind, long n, Role role) {
    return accounts.register("queue-" + kind + "-" + n + "-" + System.nanoTime() + "@example.org",
        kind + " " + n, "correct horse battery staple", role).getId();
  }
}
