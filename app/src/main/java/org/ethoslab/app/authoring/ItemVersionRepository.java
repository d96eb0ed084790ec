package org.ethoslab.app.authoring;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Stored item versions. */
interface ItemVersionRepository extends JpaRepository<ItemVersion, Long> {

  List<ItemVersion> findByItemIdOrderByVersionDesc(long itemId);

  Optional<ItemVersion> findByItemIdAndVersion(long itemId, int version);

  Optional<ItemVersion> findFirstByItemIdOrderByVersionDesc(long itemId);
}
