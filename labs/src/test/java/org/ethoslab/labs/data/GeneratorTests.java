package org.ethoslab.labs.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GeneratorTests {

  @Test
  void generatorsAreSeededAndBalanced() {
    for (TaskGenerator g : List.of(new SafetyRequestGenerator(), new ToxicityGenerator(),
        new LegalRelevanceGenerator())) {
      List<TextExample> a = g.generate(200, new SplittableRandom(5));
      assertThat(g.generate(200, new SplittableRandom(5))).isEqualTo(a);
      assertThat(g.generate(200, new SplittableRandom(6))).isNotEqualTo(a);
      assertThat(a.stream().filter(e -> e.label() == 1).count()).isEqualTo(100);
      assertThat(a).noneMatch(e -> e.text().contains("{"));
    }
  }

  @Test
  void legalPairsCarryTheClause() {
    assertThat(new LegalRelevanceGenerator().generate(10, new SplittableRandom(1))).allMatch(TextExample::isPair);
  }

  @Test
  void safetyClassesShareTheirDangerousVerbs() {
    List<TextExample> examples = new SafetyRequestGenerator().generate(400, new SplittableRandom(3));
    for (String verb : List.of("kill", "poison", "track", "hack", "steal", "shoot", "destroy")) {
      assertThat(examples).anyMatch(e -> e.label() == 1 && HashedBagOfWords.words(e.text()).contains(verb));
      assertThat(examples).anyMatch(e -> e.label() == 0 && HashedBagOfWords.words(e.text()).contains(verb));
    }
  }

  @Test
  void bagOfWordsHashesStablyAndSeparatesPairSides() {
    HashedBagOfWords bow = new HashedBagOfWords(64);
    assertThat(HashedBagOfWords.words("Don't kill -- the PROCESS!")).containsExactly("don't", "kill", "the",
        "process");
    float[] single = bow.features(TextExample.of("kill kill process", 1));
    assertThat(sum(single)).isLessThanOrEqualTo(2f);
    float[] pair = bow.features(new TextExample("cookies", "cookies", 1));
    // a:cookies, b:cookies and both:cookies (at most 3 buckets, fewer if they collide)
    assertThat(sum(pair)).isBetween(1f, 3f);
    assertThat(bow.bucket("kill")).isEqualTo(new HashedBagOfWords(64).bucket("kill"));
  }

  private static float sum(float[] v) {
    float s = 0;
    for (float x : v) {
      s += x;
    }
    return s;
  }
}
