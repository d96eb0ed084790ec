package org.ethoslab.labs.core;

import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * What the untrusted run phase works with: a seeded RNG (every run reproducible from the job seed), the event sink,
 * a scratch directory, the artifact directory and the device the job asked for.
 */
public final class LabContext {
    private final long seed;
    private final EventSink events;
    private final Path scratchDir;
    private final Path outDir;
    private final Device device;
    private final int cpus;

    public LabContext(long seed, EventSink events, Path scratchDir, Path outDir, Device device, int cpus) {
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
}
