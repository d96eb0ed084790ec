package org.ethoslab.labs.prefopt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The cache of built SFT models, one folder per recipe hash ({@code prefopt-sft-<hash>}) holding the vocabulary and
 * the parameters. A build writes into a temporary folder beside it and renames it into place, so two processes never
 * see half a model; the loser of a race deletes its copy and uses the winner's. The root is
 * {@code -Dethoslab.modelCache}, else env {@code ETHOSLAB_MODEL_CACHE}, else {@code ~/.cache/ethoslab/models}; it
 * is not the DJL cache, and sandboxes may bind it read-only once it is warm.
 */
final class SftCache {
    static final String VOCAB = "vocab.txt";
    static final String PARAMS = "sft.params";
    static final String RECIPE = "recipe.txt";

    private SftCache() {
    }

    static Path defaultRoot() {
        String prop = System.getProperty("ethoslab.modelCache");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = System.getenv("ETHOSLAB_MODEL_CACHE");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "ethoslab", "models");
    }

    static Path folder(Path root, SftRecipe recipe) {
        return root.resolve("prefopt-sft-" + recipe.hash());
    }

    /** A loaded SFT model and whether this call had to build it. */
    record Loaded(PolicyModel model, boolean built) {
    }

    /**
     * Loads the recipe's model, building and caching it first when absent; {@code log} hears what happens. When the
     * cache root cannot be written (a sandbox binds it read-only before it is warm), the model is built into
     * {@code fallback} instead, which lives only as long as the job.
     */
    static Loaded loadOrBuild(SftRecipe recipe, Path root, Path fallback, Consumer<String> log) throws IOException {
        Path dir = folder(root, recipe);
        if (Files.isRegularFile(dir.resolve(PARAMS))) {
            log.accept("using the cached SFT model " + dir + " (warm start)");
            return new Loaded(load(recipe, dir), false);
        }
        Path buildRoot = root;
        try {
            Files.createDirectories(root);
            if (!Files.isWritable(root)) {
                throw new IOException(root + " is read-only");
            }
        } catch (IOException e) {
            log.accept("the model cache " + root + " cannot be written (" + e.getMessage() + "): building into "
                    + fallback + " for this job only");
            buildRoot = fallback;
        }
        log.accept("no cached SFT model " + dir.getFileName() + " in " + root + ": building it (cold start, "
                + recipe.steps() + " steps)");
        return new Loaded(load(recipe, build(recipe, buildRoot)), true);
    }

    static PolicyModel load(SftRecipe recipe, Path dir) throws IOException {
        Vocabulary vocab = new Vocabulary(Files.readAllLines(dir.resolve(VOCAB), StandardCharsets.UTF_8));
        return PolicyModel.load("sft", recipe.shape(), vocab, Files.readAllBytes(dir.resolve(PARAMS)));
    }

    /** Builds the recipe's model into the cache (atomically); a no-op result when another process won the race. */
    static Path build(SftRecipe recipe, Path root) throws IOException {
        Files.createDirectories(root);
        Path target = folder(root, recipe);
        Vocabulary vocab = Vocabulary.of(ChatData.vocabularyTexts());
        Path temp = Files.createTempDirectory(root, ".building-" + target.getFileName() + "-");
        try {
            // a temp directory is owner-only; the cache is read by sandboxed jobs running as other users
            if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            try (PolicyModel model = SftTraining.train(recipe, vocab, null)) {
                Files.write(temp.resolve(PARAMS), model.parameterBytes());
            }
            Files.write(temp.resolve(VOCAB), vocab.words(), StandardCharsets.UTF_8);
            Files.writeString(temp.resolve(RECIPE), recipe + "\n" + SftRecipe.CODE_VERSION + "\n",
                    StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the model cache " + root + " does not support an atomic rename", e);
            } catch (IOException e) {
                // another process renamed its finished copy into place first: use that one
                if (!Files.isRegularFile(target.resolve(PARAMS))) {
                    throw e;
                }
            }
        } finally {
            if (Files.exists(temp)) {
                deleteTree(temp);
            }
        }
        return target;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        }
    }
}
