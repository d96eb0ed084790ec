package org.ethoslab.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built-in course has every part the curriculum promises, every quiz key matches a key written here
 * independently (numeric answers recomputed from their formulas), every lab item names a known lab, and
 * every internal link resolves.
 */
class CourseContentTests {

  private static final List<String> MODULES = List.of("weak-to-strong", "safe-merging",
      "preference-optimization", "moral-self-correction", "sycophancy", "responsible-practice");
  private static final Map<String, String> LABS = Map.of(
      "weak-to-strong", "w2s", "safe-merging", "mergealign", "preference-optimization", "prefopt");

  /** Recomputed keys such as 800 × (1 − 0.985) carry rounding error of about 1e-14. */
  private static final double FLOATING_POINT_SLACK = 1e-9;

  private static Course course;

  @BeforeAll
  static void load() throws CurriculumException {
    course = CurriculumLoader.loadBuiltIn(RegistryLabs.KNOWN).get(0);
  }

  @Test
  void courseHasTheSixModulesInOrder() {
    assertThat(course.id()).isEqualTo("ai-ethics");
    assertThat(course.modules()).extracting(CourseModule::id).containsExactlyElementsOf(MODULES);
  }

  @Test
  void everyModuleHasObjectivesLessonsCaseStudyDiscussionAndQuiz() {
    for (CourseModule module : course.modules()) {
      assertThat(module.objectives()).as(module.id()).hasSizeGreaterThanOrEqualTo(3);
      assertThat(kinds(module)).as(module.id()).contains(ItemKind.LESSON, ItemKind.CASE_STUDY, ItemKind.QUIZ);
      assertThat(module.items()).as(module.id() + " has discussion questions")
          .anySatisfy(item -> assertThat(item.id()).isEqualTo("discussion"));
      String lessons = module.items().stream().filter(Lesson.class::isInstance)
          .map(item -> ((Lesson) item).markdown()).collect(Collectors.joining("\n"));
      assertThat(lessons).as(module.id() + " cites its sources by arXiv id").containsPattern("arXiv \\d{4}\\.\\d{4,5}");
    }
  }

  @Test
  void labItemsReferToKnownLabsWhereALabExists() {
    for (CourseModule module : course.modules()) {
      List<LabItem> labs = module.items().stream().filter(LabItem.class::isInstance).map(LabItem.class::cast).toList();
      if (LABS.containsKey(module.id())) {
        assertThat(labs).as(module.id()).singleElement()
            .satisfies(lab -> assertThat(lab.labId()).isEqualTo(LABS.get(module.id())));
      } else {
        assertThat(labs).as(module.id()).isEmpty();
      }
      labs.forEach(lab -> assertThat(RegistryLabs.KNOWN.knows(lab.labId())).isTrue());
    }
  }

  @Test
  void weakToStrongModuleHasMathTablesAllQuestionTypesAndLabDefaults() {
    CourseModule w2s = course.modules().get(0);
    String lessons = w2s.items().stream().filter(item -> item.kind() == ItemKind.LESSON)
        .map(item -> ((Lesson) item).markdown()).collect(Collectors.joining("\n"));
    assertThat(lessons).contains("$$", "|---|", "0.802", "0.810", "0.876", "GPT-2 small", "GPT-2 medium");
    Quiz quiz = quiz(w2s);
    assertThat(quiz.questions()).extracting(Quiz.Question::type)
        .contains(Quiz.QuestionType.SINGLE, Quiz.QuestionType.MULTIPLE, Quiz.QuestionType.NUMERIC);
    LabItem lab = (LabItem) w2s.items().stream().filter(LabItem.class::isInstance).findFirst().orElseThrow();
    assertThat(lab.defaults()).containsEntry("task", "safety").containsEntry("voting", "soft")
        .containsEntry("numSeeds", 5).containsEntry("numTeachers", 3);
    assertThat(lab.instructions()).contains("SoftVote", "HardVote", "safety", "toxicity");
  }

  @Test
  void everyQuizAnswerKeyMatchesTheIndependentKey() {
    Map<String, Object> expected = expectedKeys();
    Set<String> seen = new HashSet<>();
    for (CourseModule module : course.modules()) {
      for (Quiz.Question question : quiz(module).questions()) {
        String key = module.id() + "/" + question.id();
        seen.add(key);
        assertThat(expected).as("an independent key for " + key).containsKey(key);
        Object want = expected.get(key);
        if (question.type() == Quiz.QuestionType.NUMERIC) {
          assertThat(want).as(key).isInstanceOf(Double.class);
          assertThat(Math.abs(question.answer() - (Double) want)).as(key + " answer " + question.answer())
              .isLessThanOrEqualTo(question.tolerance() + FLOATING_POINT_SLACK);
          assertThat(question.tolerance()).as(key).isLessThanOrEqualTo(Math.max(0.01, Math.abs((Double) want) * 0.05));
        } else {
          assertThat(question.correct()).as(key).containsExactlyElementsOf(indexes(want));
          if (question.type() == Quiz.QuestionType.SINGLE) {
            assertThat(question.correct()).as(key).hasSize(1);
          }
        }
        assertThat(question.explanation()).as(key).isNotBlank();
      }
    }
    assertThat(seen).as("every key written here belongs to a question").containsAll(expected.keySet());
  }

  @Test
  void everyInternalLinkResolves() {
    Set<String> targets = new HashSet<>();
    course.modules().forEach(m -> m.items().forEach(item -> targets.add(m.id() + "/" + item.id())));
    Pattern link = Pattern.compile("\\(item:([^)\\s]+)\\)");
    int links = 0;
    for (CourseModule module : course.modules()) {
      for (ModuleItem item : module.items()) {
        Matcher matcher = link.matcher(text(item));
        while (matcher.find()) {
          links++;
          assertThat(targets).as("link in " + module.id() + "/" + item.id()).contains(matcher.group(1));
        }
      }
    }
    assertThat(links).as("the course links its items together").isGreaterThan(20);
  }

  private static String text(ModuleItem item) {
    if (item instanceof Lesson lesson) {
      return lesson.markdown();
    }
    if (item instanceof LabItem lab) {
      return lab.instructions();
    }
    return ((Quiz) item).questions().stream().map(q -> q.prompt() + "\n" + q.explanation())
        .collect(Collectors.joining("\n"));
  }

  private static Quiz quiz(CourseModule module) {
    return module.items().stream().filter(Quiz.class::isInstance).map(Quiz.class::cast).findFirst().orElseThrow();
  }

  private static List<ItemKind> kinds(CourseModule module) {
    return module.items().stream().map(ModuleItem::kind).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<Integer> indexes(Object key) {
    return (List<Integer>) key;
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /** The keys, written from the lessons and recomputed here, not copied from the quiz files. */
  private static Map<String, Object> expectedKeys() {
    Map<String, Object> keys = new LinkedHashMap<>();
    keys.put("weak-to-strong/pgr-zero", List.of(0));
    keys.put("weak-to-strong/ceiling-data", List.of(1));
    keys.put("weak-to-strong/compute-pgr", (0.79 - 0.70) / (0.85 - 0.70));
    keys.put("weak-to-strong/legal-pgr", (0.810 - 0.802) / (0.876 - 0.802));
    keys.put("weak-to-strong/pgr-unreliable", List.of(0, 1, 2));
    keys.put("weak-to-strong/soft-vote-value", (0.90 + 0.40 + 0.45) / 3);
    keys.put("weak-to-strong/hard-vote-label", List.of(0));
    keys.put("weak-to-strong/pilot-models", List.of(0));
    keys.put("weak-to-strong/bias-propagation", List.of(0, 1, 3));

    keys.put("safe-merging/domain-vector", List.of(0));
    keys.put("safe-merging/alpha-one", List.of(2));
    keys.put("safe-merging/merge-entry", 1.0 + 0.25 * 0.8 + (1 - 0.25) * -0.4);
    keys.put("safe-merging/ties-entry", (-0.2 + -0.4) / 2);
    keys.put("safe-merging/dare-rescale", 0.03 / 0.2);
    keys.put("safe-merging/ties-steps", List.of(0, 1, 2));
    keys.put("safe-merging/safety-benchmarks", List.of(0, 1));
    keys.put("safe-merging/pareto", List.of(1));
    keys.put("safe-merging/unethical-data", List.of(1));

    keys.put("preference-optimization/falcon-gain", 99.90 - 57.64);
    keys.put("preference-optimization/dpo-loss", -Math.log(sigmoid(0.1 * (2 - -2))));
    keys.put("preference-optimization/hinge-loss", Math.max(0, 1 - 0.1 * (2 - -2)));
    keys.put("preference-optimization/reference-model", List.of(1));
    keys.put("preference-optimization/nca-vs-dpo", List.of(1));
    keys.put("preference-optimization/paper-findings", List.of(0, 1, 2));
    keys.put("preference-optimization/benign-pairs", List.of(1));
    keys.put("preference-optimization/attack-families", List.of(0, 1, 3));

    keys.put("moral-self-correction/threshold", List.of(1));
    keys.put("moral-self-correction/s-dis", 2 * (130.0 / 200) - 1);
    keys.put("moral-self-correction/s-amb", (1 - 0.7) * (2 * 0.6 - 1));
    keys.put("moral-self-correction/interventions", List.of(0, 1, 2));
    keys.put("moral-self-correction/winogender-goal", List.of(1));
    keys.put("moral-self-correction/admissions-design", List.of(0));
    keys.put("moral-self-correction/why-it-works", List.of(0, 1));

    keys.put("sycophancy/assistants", List.of(0, 1, 2, 4));
    keys.put("sycophancy/are-you-sure", List.of(0));
    keys.put("sycophancy/feedback-eval", List.of(1));
    keys.put("sycophancy/predictive-feature", List.of(0));
    keys.put("sycophancy/logistic", sigmoid(0.8));
    keys.put("sycophancy/best-of-n", List.of(0));
    keys.put("sycophancy/optimization-findings", List.of(0, 1, 3));

    keys.put("responsible-practice/criteria-first", List.of(0));
    keys.put("responsible-practice/rule-of-three", 3.0 / 300);
    keys.put("responsible-practice/bank-failures", 800 * (1 - 0.985));
    keys.put("responsible-practice/model-card", List.of(0, 1, 2));
    keys.put("responsible-practice/datasheet", List.of(0));
    keys.put("responsible-practice/real-oversight", List.of(0, 1, 2));
    keys.put("responsible-practice/trade-off", List.of(0));
    return keys;
  }
}
