package org.ethoslab.app.labspec;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.ethoslab.contract.ContractJson;
import org.ethoslab.contract.lab.LabSpec;
import org.ethoslab.curriculum.KnownLabs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The app's lab catalog: the newest published version of each lab (versions compared as numbers where they are
 * numbers, so {@code 10} is newer than {@code 9}). Kept in memory and reloaded after every publication here; reloaded
 * from the database at most every {@link #RELOAD} as well, so an app instance behind a load balancer sees what a
 * runner published to another instance.
 */
@Service
public class PublishedLabs {

  /** How stale the in-memory catalog may get before a lookup reloads it. */
  static final Duration RELOAD = Duration.ofSeconds(30);
  /** Longest publisher name stored (runner names are at most 80 characters). */
  static final int MAX_PUBLISHER = 80;

  private static final Logger log = LoggerFactory.getLogger(PublishedLabs.class);

  private final LabSpecStore store;
  private final Clock clock;
  private volatile Snapshot snapshot;

  PublishedLabs(LabSpecStore store, ObjectProvider<Clock> clocks) {
    this.store = store;
    this.clock = clocks.getIfUnique(Clock::systemUTC);
  }

  /** What one publication did. */
  public record Publication(int received, int changed) {
  }

  /** The newest published version of a lab, or empty when no runner has published it. */
  public Optional<LabSpec> find(String labId) {
    return Optional.ofNullable(current().newest().get(labId));
  }

  /** The newest version of every published lab, by lab id. */
  public List<LabSpec> all() {
    return List.copyOf(current().newest().values());
  }

  /**
   * The lab ids a curriculum may use: the published labs, or {@link KnownLabs#unchecked() any id} while none is
   * published yet (an install whose runners have not connected yet must still accept its own courses).
   */
  public KnownLabs knownLabs() {
    Map<String, LabSpec> newest = current().newest();
    return newest.isEmpty() ? KnownLabs.unchecked() : KnownLabs.of(newest.keySet());
  }

  /**
   * Validates every spec and stores those that are new or changed, all or none.
   *
   * @param publishedBy the runner's name (or the app's own label for the labs next to its embedded runner)
   * @throws IllegalArgumentException naming the first bad field; nothing is stored then
   */
  @Transactional
  public Publication publish(List<LabSpec> specs, String publishedBy) {
    LabSpecValidator.validate(specs);
    String by = publishedBy.length() > MAX_PUBLISHER ? publishedBy.substring(0, MAX_PUBLISHER) : publishedBy;
    OffsetDateTime now = OffsetDateTime.now(clock);
    int changed = 0;
    for (LabSpec spec : specs) {
      String json = write(spec);
      Optional<String> stored = store.spec(spec.id(), spec.version());
      if (stored.isPresent() && stored.get().equals(json)) {
        continue;
      }
      if (stored.isPresent()) {
        // Two builds that call different specs by one version: the last to publish wins, so say who changed it.
        log.warn("Lab {} version {} was published again with a different spec, by {}", spec.id(), spec.version(), by);
      }
      store.put(spec.id(), spec.version(), json, now, by);
      changed++;
    }
    invalidateAfterCommit();
    return new Publication(specs.size(), changed);
  }

  /** Reads the catalog from the database again at the next lookup. */
  public void refresh() {
    snapshot = null;
  }

  /** A reload before the commit would read the old rows and keep them for {@link #RELOAD}: forget after it. */
  private void invalidateAfterCommit() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      snapshot = null;
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        snapshot = null;
      }
    });
  }

  private Snapshot current() {
    Snapshot s = snapshot;
    long now = System.nanoTime();
    if (s == null || now - s.loadedAt() > RELOAD.toNanos()) {
      s = new Snapshot(load(), now);
      snapshot = s;
    }
    return s;
  }

  private Map<String, LabSpec> load() {
    Map<String, LabSpec> newest = new TreeMap<>();
    List<String> unreadable = new ArrayList<>();
    for (LabSpecStore.Row row : store.all()) {
      LabSpec spec;
      try {
        spec = ContractJson.MAPPER.readValue(row.spec(), LabSpec.class);
      } catch (JsonProcessingException e) {
        unreadable.add(row.labId() + "@" + row.version());
        continue;
      }
      newest.merge(spec.id(), spec,
          (a, b) -> LabVersions.OLDEST_FIRST.compare(a.version(), b.version()) >= 0 ? a : b);
    }
    if (!unreadable.isEmpty()) {
      log.warn("Stored lab specs {} are unreadable and left out of the catalog until a runner publishes them again",
          unreadable);
    }
    return Collections.unmodifiableMap(newest);
  }

  private static String write(LabSpec spec) {
    try {
      return ContractJson.MAPPER.writeValueAsString(spec);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("a lab spec could not be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  private record Snapshot(Map<String, LabSpec> newest, long loadedAt) {
  }
}
