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

/** A student's membership in an offering; what they do in the course hangs off it. */
@Entity
@Table(name = "enrollment")
public class Enrollment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "offering_id")
  private Offering offering;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "student_id")
  private UserAccount student;

  @Column(name = "enrolled_at", nullable = false)
  private OffsetDateTime enrolledAt;

  protected Enrollment() {
  }

  Enrollment(Offering offering, UserAccount student, OffsetDateTime now) {
    this.offering = offering;
    this.student = student;
    this.enrolledAt = now;
  }

  public Long getId() {
    return id;
  }

  public Offering getOffering() {
    return offering;
  }

  public UserAccount getStudent() {
    return student;
  }

  public OffsetDateTime getEnrolledAt() {
    return enrolledAt;
  }
}
