package org.ethoslab.app.offering;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Stored offerings. */
public interface OfferingRepository extends JpaRepository<Offering, Long> {

  Optional<Offering> findByJoinCode(String joinCode);

  boolean existsByJoinCode(String joinCode);

  @Query("select o from Offering o join fetch o.course where o.owner.id = :ownerId order by o.createdAt desc, o.id desc")
  List<Offering> findByOwner(long ownerId);

  @Query("select o from Offering o join fetch o.course join fetch o.owner where o.id = :id")
  Optional<Offering> findWithCourse(long id);
}
