package org.ethoslab.app.runnerapi;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Registered runners. */
public interface RunnerRepository extends JpaRepository<Runner, Long> {

  Optional<Runner> findByTokenHash(String tokenHash);

  Optional<Runner> findByName(String name);

  List<Runner> findAllByOrderByNameAsc();
}
