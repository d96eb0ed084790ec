package org.ethoslab.app.offering;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Stored enrollments. */
public interface EnrollmentRepository extends JpaRepository<Enrollment, Long> {

  Optional<Enrollment> findByOfferingIdAndStudentId(long offeringId, long studentId);

  @Query("select e from Enrollment e join fetch e.offering o join fetch o.course where e.student.id = :studentId "
      + "order by e.enrolledAt desc, e.id desc")
  List<Enrollment> findByStudent(long studentId);

  long countByOfferingId(long offeringId);

  @Query("select e from Enrollment e join fetch e.student where e.offering.id = :offeringId "
      + "order by e.enrolledAt, e.id")
  List<Enrollment> findByOfferingWithStudents(long offeringId);
}
