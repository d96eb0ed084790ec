package org.ethoslab.app.offering;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.ethoslab.app.account.UserAccount;
import org.ethoslab.app.course.Course;

/** One run of a course template for a group of students, owned by an instructor and joined with its code. */
@Entity
@Table(name = "offering")
public class Offering {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "course_id")
  private Course course;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "owner_id")
  private UserAccount owner;

  @Column(nullable = false)
  private String title;

  @Column(name = "join_code", nullable = false, unique = true)
  private String joinCode;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected Offering() {
  }

  Offering(Course course, UserAccount owner, String title, String joinCode, OffsetDateTime now) {
    this.course = course;
    this.owner = owner;
    this.title = title.strip();
    this.joinCode = joinCode;
    this.createdAt = now;
  }

  public Long getId() {
    return id;
  }

  public Course getCourse() {
    return course;
  }

  public UserAccount getOwner() {
    return owner;
  }

  public boolean isOwnedBy(long accountId) {
    return owner.getId() == accountId;
  }

  public String getTitle() {
    return title;
  }

  public String getJoinCode() {
    return joinCode;
  }

  public String getDisplayJoinCode() {
    return JoinCodes.display(joinCode);
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }
}
