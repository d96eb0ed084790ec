package org.ethoslab.labs.core;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.ethoslab.contract.job.Seeds;

/**
 * What the run phase (the trainer) works with: a seeded RNG (every run reproducible from the job seed), the event
 * sink, a scratch directory, the artifact directory, the device the job asked for, and the job's student hooks.
 */
public final class LabContext {
  private final long seed;
  private final EventSink events;
  private final Path scratchDir;
  private final Path outDir;
  private final Device device;
  private final int cpus;
  private final StudentHooks hooks;

  public LabContext(long seed, EventSink events, Path scratchDir, Path outDir, Device device, int cpus,
           StudentHooks hooks) {
    this.hooks = hooks;
    this.seed = seed;
    this.events = events;
    this.scratchDir = scratchDir;
    this.outDir = outDir;
    this.device = device;
    this.cpus = cpus;
  }

  /** The device seam: CPU now, GPU when a GPU runner claims the job. */
  public enum Device {
    CPU, GPU;

    public static Device of(String name) {
      return "gpu".equals(name) ? GPU : CPU;
    }

    public ai.djl.Device toDjl() {
      return this == GPU ? ai.djl.Device.gpu() : ai.djl.Device.cpu();
    }
  }

  /** A fresh RNG for one named stream: the same seed and name always give the same numbers. */
  public SplittableRandom rng(String stream) {
    return new SplittableRandom(Seeds.derive(seed, stream));
  }

  public long seed() {
    return seed;
  }

  public EventSink events() {
    return events;
  }

  public Path scratchDir() {
    return scratchDir;
  }

  public Path outDir() {
    return outDir;
  }

  public Device device() {
    return device;
  }

  public int cpus() {
    return cpus;
  }

  /** The job's hooks: the student's over the hook channel, the others as the lab's references. */
  public StudentHooks hooks() {
    return hooks;
  }
}
