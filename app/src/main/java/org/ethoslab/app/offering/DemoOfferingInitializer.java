package org.ethoslab.app.offering;

import java.util.List;

import org.ethoslab.app.account.AdminProperties;
import org.ethoslab.app.account.UserAccount;
import org.ethoslab.app.account.UserAccountRepository;
import org.ethoslab.app.course.Course;
import org.ethoslab.app.course.CourseRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In the default profile, makes sure every built-in course has one offering owned by the first admin, and logs its
 * join code when it is created, so someone trying the platform can sign up and join at once. Runs after
 * the first admin exists; does nothing once the admin owns an offering of the course.
 */
@Component
@Profile("default")
@Order(20)
class DemoOfferingInitializer implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoOfferingInitializer.class);

  private final CourseRepository courses;
  private final OfferingRepository offerings;
  private final OfferingService offeringService;
  private final UserAccountRepository accounts;
  private final AdminProperties admin;

  DemoOfferingInitializer(CourseRepository courses, OfferingRepository offerings, OfferingService offeringService,
                          UserAccountRepository accounts, AdminProperties admin) {
    this.courses = courses;
    this.offerings = offerings;
    this.offeringService = offeringService;
    this.accounts = accounts;
    this.admin = admin;
  }

  @Override
  public void run(ApplicationArguments args) {
    UserAccount owner = accounts.findByEmail(UserAccount.normalizeEmail(admin.email())).orElse(null);
    if (owner == null || !owner.isAdmin()) {
      return;
    }
    List<Offering> owned = offerings.findByOwner(owner.getId());
    for (Course course : courses.findAllByOrderByTitleAsc()) {
      boolean hasOne = owned.stream().anyMatch(o -> o.getCourse().getId().equals(course.getId()));
      if (!hasOne) {
        Offering demo = offeringService.create(owner.getId(), course.getId(), course.getTitle() + " (demo)");
        log.info("Demo offering '{}' created; students join it with the code {}", demo.getTitle(),
            demo.getDisplayJoinCode());
      }
    }
  }
}
