package org.ethoslab.labs.prefopt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.ethoslab.labs.lm.ModelCache;

/**
 * The lab's SFT models in the shared model cache ({@link ModelCache}: one folder per recipe hash,
 * {@code prefopt-sft-<hash>}, built atomically, readable by sandboxed jobs, with a per-job fallback when the cache is
 * read-only). A folder holds the vocabulary, the parameters and the recipe as text.
 */
final class SftCache {
  static final String VOCAB = "vocab.txt";
  static final String PARAMS = "sft.params";
  static final String RECIPE = "recipe.txt";

  private SftCache() {
  }

  static Path defaultRoot() {
    return ModelCache.configuredRoot();
  }

  static Path folder(Path root, SftRecipe recipe) {
    return root.resolve(recipe.folderName());
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
    ModelCache cache = new ModelCache(root, fallback);
    Path found = cache.find(recipe);
    if (found != null) {
      log.accept("using the cached SFT model " + found + " (warm start)");
      return new Loaded(load(recipe, found), false);
    }
    log.accept("no cached SFT model " + recipe.folderName() + " in " + root + ": building it (cold start, "
        + recipe.steps() + " steps)");
    return new Loaded(load(recipe, build(recipe, cache, log)), true);
  }

  static PolicyModel load(SftRecipe recipe, Path dir) throws IOException {
    Vocabulary vocab = new Vocabulary(Files.readAllLines(dir.resolve(VOCAB), StandardCharsets.UTF_8));
    return PolicyModel.load("sft", recipe.shape(), vocab, Files.readAllBytes(dir.resolve(PARAMS)));
  }

  /** The recipe's model folder, trained and written into the cache first when it is not there. */
  static Path build(SftRecipe recipe, ModelCache cache, Consumer<String> log) throws IOException {
    try {
      return cache.getOrBuild(recipe, dir -> write(recipe, dir), log);
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("building the SFT model failed: " + e.getMessage(), e);
    }
  }

  private static void write(SftRecipe recipe, Path dir) throws IOException {
    Vocabulary vocab = Vocabulary.of(ChatData.vocabularyTexts());
    try (PolicyModel model = SftTraining.train(recipe, vocab, null)) {
      Files.write(dir.resolve(PARAMS), model.parameterBytes());
    }
    Files.write(dir.resolve(VOCAB), vocab.words(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(RECIPE), recipe + "\n" + SftRecipe.CODE_VERSION + "\n", StandardCharsets.UTF_8);
  }
}
