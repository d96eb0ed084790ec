package org.ethoslab.labs.merging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.ethoslab.labs.lm.ChatExample;
import org.ethoslab.labs.lm.Corpora;
import org.ethoslab.labs.lm.GeneralCorpus;
import org.ethoslab.labs.lm.LanguageModel;
import org.ethoslab.labs.lm.LmTrainingSettings;
import org.ethoslab.labs.lm.MedicalCorpus;
import org.ethoslab.labs.lm.ModelCache;
import org.ethoslab.labs.lm.ModelRecipe;
import org.ethoslab.labs.lm.SafetyRequests;
import org.ethoslab.labs.lm.WordTokenizer;

/**
 * The lab's three cached models and how they are built: a base pretrained on the general corpus; a domain expert,
 * the base fine-tuned on medical Q&amp;A; an aligned model, the base fine-tuned to refuse harmful requests and help
 * with benign ones. Both fine-tuning corpora mix in {@link #REPLAY_SHARE} of the pretraining corpus.
 * Each is cached by its {@link ModelRecipe} hash (the fine-tunes' recipes include the base's hash).
 */
public final class MergeAlignModels {
  /** Bumped whenever the general corpus generator changes what it produces. */
  static final String GENERAL_VERSION = "v1";
  /** Bumped whenever the domain fine-tuning corpus (generator or mixture) changes. */
  static final String DOMAIN_VERSION = "v5";
  /** Bumped whenever the alignment fine-tuning corpus (generator or mixture) changes. */
  static final String ALIGNMENT_VERSION = "v6";
  /** Share of each fine-tuning corpus replayed from the general (pretraining) corpus. */
  static final double REPLAY_SHARE = 0.5;

  private final ModelSet set;
  private final WordTokenizer tokenizer = Corpora.tokenizer();

  public MergeAlignModels(ModelSet set) {
    this.set = set;
  }

  public ModelRecipe baseRecipe() {
    return new ModelRecipe("mergealign-base-" + set.id(), set.architecture(), "general/" + GENERAL_VERSION,
        set.pretrainExamples(), 11, set.pretrain(), null, tokenizer.fingerprint());
  }

  public ModelRecipe domainRecipe() {
    return new ModelRecipe("mergealign-domain-" + set.id(), set.architecture(), "medical/" + DOMAIN_VERSION,
        set.fineTuneExamples(), 12, set.domainTuning(), baseRecipe().hash(), tokenizer.fingerprint());
  }

  public ModelRecipe alignedRecipe() {
    return new ModelRecipe("mergealign-aligned-" + set.id(), set.architecture(), "safety/" + ALIGNMENT_VERSION,
        set.fineTuneExamples(), 13, set.alignmentTuning(), baseRecipe().hash(), tokenizer.fingerprint());
  }

  /** Folders of base, domain expert and aligned model, built first where missing. */
  public record Folders(Path base, Path domain, Path aligned) {
  }

  public Folders ensure(ModelCache cache, Consumer<String> log) throws Exception {
    Path base = cache.getOrBuild(baseRecipe(), dir -> train(null, baseRecipe(), dir, log), log);
    Path domain = cache.getOrBuild(domainRecipe(), dir -> train(base, domainRecipe(), dir, log), log);
    Path aligned = cache.getOrBuild(alignedRecipe(), dir -> train(base, alignedRecipe(), dir, log), log);
    return new Folders(base, domain, aligned);
  }

  /** The training examples a recipe's corpus id names. */
  static List<ChatExample> corpus(ModelRecipe recipe) {
    SplittableRandom rng = new SplittableRandom(recipe.corpusSeed());
    String kind = recipe.corpus().substring(0, recipe.corpus().indexOf('/'));
    int n = recipe.corpusSize();
    int replay = (int) Math.round(REPLAY_SHARE * n);
    List<ChatExample> out = new ArrayList<>(n);
    switch (kind) {
      case "general" -> {
        return GeneralCorpus.generate(n, rng);
      }
      case "medical" -> out.addAll(MedicalCorpus.generate(n - replay, rng));
      case "safety" -> {
        for (SafetyRequests.Request r : SafetyRequests.generate(n - replay, rng)) {
          out.add(r.aligned());
        }
      }
      default -> throw new IllegalArgumentException("unknown corpus " + recipe.corpus());
    }
    // Replaying the pretraining mixture (sentences and everyday chats) keeps each fine-tune's change local to its
    // own task, as in real SFT mixtures: without chats the domain expert answers every prompt with a medical
    // fact; without sentences each task vector also wears down plain language ("… is a resting tremor"), and
    // the merge, which adds two such drifts, loses multi-word answers.
    out.addAll(GeneralCorpus.generate(replay, rng));
    return out;
  }

  private void train(Path parent, ModelRecipe recipe, Path dir, Consumer<String> log) throws Exception {
    LmTrainingSettings t = recipe.training();
    try (LanguageModel lm = parent == null ? LanguageModel.create(recipe.architecture(), tokenizer, t.seed())
        : LanguageModel.load(parent)) {
      int every = Math.max(1, t.steps() / 5);
      var report = lm.train(corpus(recipe), t, (step, total, loss) -> {
        if (step % every == 0 || step == total) {
          log.accept(String.format(Locale.ROOT, "%s: step %d/%d, loss %.3f", recipe.name(), step, total,
              loss));
        }
      });
      Map<String, Object> provenance = new LinkedHashMap<>();
      provenance.put("recipe", recipe);
      provenance.put("recipeHash", recipe.hash());
      provenance.put("training", report);
      lm.save(dir, provenance);
    }
  }
}
