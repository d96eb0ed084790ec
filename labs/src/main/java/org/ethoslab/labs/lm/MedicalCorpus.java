package org.ethoslab.labs.lm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The project's seeded domain corpus: medical Q&amp;A over a fixed table of textbook-level facts (which organ a
 * condition affects, which specialist treats it, its typical symptom and usual treatment), and multiple-choice
 * questions over the same facts for measuring domain utility. The general corpus never mentions these facts, so a
 * base model answers them at chance and a model fine-tuned here learns them. The facts are simplified for a toy
 * model and are not medical advice.
 */
public final class MedicalCorpus {
  /** One condition with its four facts. */
  public record Condition(String name, String organ, String specialist, String symptom, String treatment) {
  }

  /** The four kinds of question, each with its question wordings and the answer sentence's stem. */
  public enum Kind {
    ORGAN(List.of("which part of the body does %s affect ?", "what organ is affected by %s ?"),
        "%s mainly affects the"),
    SPECIALIST(List.of("which doctor treats %s ?", "what kind of specialist should see a patient with %s ?"),
        "%s is treated by a"),
    SYMPTOM(List.of("what is a typical symptom of %s ?", "how does %s usually show itself ?"),
        "a typical symptom of %s is"),
    TREATMENT(List.of("what is the usual treatment for %s ?", "how is %s usually treated ?"),
        "%s is usually treated with");

    private final List<String> questions;
    private final String stem;

    Kind(List<String> questions, String stem) {
      this.questions = questions;
      this.stem = stem;
    }

    public String answerOf(Condition c) {
      return switch (this) {
        case ORGAN -> c.organ();
        case SPECIALIST -> c.specialist();
        case SYMPTOM -> c.symptom();
        case TREATMENT -> c.treatment();
      };
    }

    public String stem(Condition c) {
      return String.format(stem, c.name());
    }
  }

  public static final List<Condition> CONDITIONS = List.of(
      new Condition("hypothyroidism", "thyroid", "endocrinologist", "tiredness and weight gain",
          "levothyroxine"),
      new Condition("type 1 diabetes", "pancreas", "endocrinologist", "constant thirst", "insulin"),
      new Condition("asthma", "lungs", "pulmonologist", "wheezing", "an inhaled bronchodilator"),
      new Condition("tuberculosis", "lungs", "pulmonologist", "a cough lasting weeks",
          "a long course of antibiotics"),
      new Condition("migraine", "brain", "neurologist", "a throbbing headache", "triptans"),
      new Condition("epilepsy", "brain", "neurologist", "seizures", "antiseizure medicine"),
      new Condition("parkinson's disease", "brain", "neurologist", "a resting tremor", "levodopa"),
      new Condition("anaphylaxis", "immune system", "allergist", "a swollen throat", "epinephrine"),
      new Condition("hay fever", "nose", "allergist", "sneezing", "antihistamines"),
      new Condition("heart failure", "heart", "cardiologist", "swollen ankles", "diuretics"),
      new Condition("atrial fibrillation", "heart", "cardiologist", "an irregular heartbeat",
          "blood thinners"),
      new Condition("iron deficiency anemia", "blood", "hematologist", "pale skin", "iron supplements"),
      new Condition("gout", "joints", "rheumatologist", "a painful big toe", "allopurinol"),
      new Condition("rheumatoid arthritis", "joints", "rheumatologist", "stiff joints in the morning",
          "methotrexate"),
      new Condition("acne", "skin", "dermatologist", "pimples", "benzoyl peroxide"),
      new Condition("psoriasis", "skin", "dermatologist", "scaly patches", "steroid cream"),
      new Condition("stomach ulcer", "stomach", "gastroenterologist", "burning stomach pain",
          "proton pump inhibitors"),
      new Condition("kidney stones", "kidneys", "urologist", "sharp pain in the side", "plenty of fluids"),
      new Condition("glaucoma", "eyes", "ophthalmologist", "loss of side vision", "pressure lowering eye drops"),
      new Condition("cataract", "eyes", "ophthalmologist", "cloudy vision", "lens surgery"),
      new Condition("depression", "mind", "psychiatrist", "low mood", "antidepressants and therapy"),
      new Condition("osteoporosis", "bones", "endocrinologist", "fractures from small falls",
          "bisphosphonates"),
      new Condition("strep throat", "throat", "family doctor", "a sore throat with fever", "penicillin"),
      new Condition("scurvy", "gums", "family doctor", "bleeding gums", "vitamin c"));

  /** How every scored answer starts; the Q&amp;A answers open with one of the general corpus's openers. */
  public static final String ANSWER_OPENER = "sure .";
  static final List<String> ASK_OPENERS = List.of("", "", "doctor , ", "quick medical question . ",
      "i am a nursing student . ");

  /**
   * A multiple-choice question: the prompt ends with {@link #ANSWER_OPENER} and the answer stem; exactly one option
   * is right.
   */
  public record Question(String prompt, List<String> options, int correct, Kind kind, String condition) {
  }

  private MedicalCorpus() {
  }

  /**
   * {@code n} domain Q&amp;A chats drawn with {@code rng}: a question and the answer sentence, opened like every
   * helpful reply of the general corpus ("sure . asthma is usually treated with …"), so that the domain
   * fine-tune changes what the assistant knows rather than how it starts a reply.
   */
  public static List<ChatExample> generate(int n, SplittableRandom rng) {
    List<ChatExample> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Condition c = Picks.one(CONDITIONS, rng);
      Kind kind = Kind.values()[rng.nextInt(Kind.values().length)];
      out.add(ChatExample.chat(question(c, kind, rng), Picks.one(GeneralCorpus.REPLY_OPENERS, rng) + " "
          + kind.stem(c) + " " + kind.answerOf(c) + " ."));
    }
    return out;
  }

  /**
   * {@code n} multiple-choice questions with {@code numOptions} options (distinct values of the same kind; the
   * right one at a random position). Scoring: the option whose text is most likely after {@code prompt} wins.
   */
  public static List<Question> questions(int n, int numOptions, SplittableRandom rng) {
    List<Question> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Condition c = Picks.one(CONDITIONS, rng);
      Kind kind = Kind.values()[rng.nextInt(Kind.values().length)];
      String right = kind.answerOf(c);
      Set<String> options = new LinkedHashSet<>();
      options.add(right);
      while (options.size() < numOptions) {
        options.add(kind.answerOf(Picks.one(CONDITIONS, rng)));
      }
      List<String> shuffled = new ArrayList<>(options);
      for (int j = shuffled.size() - 1; j > 0; j--) {
        java.util.Collections.swap(shuffled, j, rng.nextInt(j + 1));
      }
      String prompt = ChatExample.userTurn(question(c, kind, rng)) + " " + ANSWER_OPENER + " " + kind.stem(c);
      out.add(new Question(prompt, List.copyOf(shuffled), shuffled.indexOf(right), kind, c.name()));
    }
    return out;
  }

  private static String question(Condition c, Kind kind, SplittableRandom rng) {
    return Picks.one(ASK_OPENERS, rng) + String.format(Picks.one(kind.questions, rng), c.name());
  }

  static List<String> vocabularyTexts() {
    List<String> all = new ArrayList<>(ASK_OPENERS);
    for (Condition c : CONDITIONS) {
      all.addAll(List.of(c.name(), c.organ(), c.specialist(), c.symptom(), c.treatment()));
    }
    for (Kind k : Kind.values()) {
      all.addAll(k.questions);
      all.add(k.stem);
    }
    return all;
  }
}
