package org.ethoslab.curriculum;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the file of one module item: a lesson or case study (Markdown), a quiz or a lab item (YAML). */
final class ItemReader {

  static final Set<String> FRONT_MATTER_KEYS = Set.of("title", "minutes");
  static final Set<String> QUIZ_KEYS = Set.of("title", "questions");
  static final Set<String> QUESTION_KEYS =
      Set.of("id", "type", "prompt", "options", "correct", "answer", "tolerance", "explanation", "points");
  static final Set<String> LAB_KEYS = Set.of("labId", "title", "defaults", "instructions");
  private static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";
  /** Reading speed used when front matter gives no {@code minutes}. */
  private static final int WORDS_PER_MINUTE = 200;

  private final SourceFiles files;
  private final KnownLabs labs;
  private final ProblemList problems;
  private final InternalLinks links;

  ItemReader(SourceFiles files, KnownLabs labs, ProblemList problems, InternalLinks links) {
    this.files = files;
    this.labs = labs;
    this.problems = problems;
    this.links = links;
  }

  Optional<ModuleItem> read(String id, ItemKind kind, int position, String path) {
    Optional<String> text = utf8(path);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String hash = ContentHash.of(files.bytes(path));
    return switch (kind) {
      case LESSON, CASE_STUDY -> Optional.of(lesson(id, kind, position, path, text.get(), hash));
      case QUIZ -> quiz(id, position, path, text.get(), hash);
      case LAB -> lab(id, position, path, text.get(), hash);
    };
  }

  private Lesson lesson(String id, ItemKind kind, int position, String path, String text, String hash) {
    MarkdownFile markdown = MarkdownFile.parse(text, path, problems);
    String title = "";
    int minutes = 0;
    if (markdown.frontMatter().isPresent()) {
      YamlMapping front = markdown.frontMatter().get();
      front.allowOnly(FRONT_MATTER_KEYS);
      // Kept exactly as written, so that an exported title loads back unchanged.
      title = front.optionalString("title", "");
      minutes = front.optionalInt("minutes", 0, 1, 600);
    }
    if (title.isBlank()) {
      title = markdown.firstHeading().orElse("");
    }
    if (title.isBlank()) {
      problems.add(path, 1, "has no title: add 'title:' to the front matter or start with a '# Heading'");
    }
    if (markdown.body().isBlank()) {
      problems.add(path, markdown.bodyStartLine(), "has no Markdown text after the front matter");
    }
    if (minutes == 0) {
      int words = markdown.body().strip().split("\\s+").length;
      minutes = Math.max(1, (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE);
    }
    links.collect(path, markdown.body(), markdown::lineOf);
    return new Lesson(id, title, position, kind, markdown.body(), minutes, hash, path);
  }

  private Optional<ModuleItem> quiz(String id, int position, String path, String text, String hash) {
    Optional<YamlMapping> parsed = YamlText.parseMapping(text, path, 0, problems);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    YamlMapping quiz = parsed.get();
    quiz.allowOnly(QUIZ_KEYS);
    String title = quiz.requiredString("title");
    List<Quiz.Question> questions = new ArrayList<>();
    Set<String> questionIds = new HashSet<>();
    for (YamlMapping entry : quiz.mappingList("questions", true)) {
      Quiz.Question question = question(entry);
      if (!question.id().isEmpty() && !questionIds.add(question.id())) {
        problems.add(path, entry.line("id"), "duplicate question id '" + question.id() + "'");
      }
      questions.add(question);
    }
    return Optional.of(new Quiz(id, title, position, questions, hash, path));
  }

  private Quiz.Question question(YamlMapping entry) {
    String file = entry.file();
    entry.allowOnly(QUESTION_KEYS);
    String id = entry.requiredString("id");
    if (!id.isEmpty() && !id.matches(SLUG)) {
      problems.add(file, entry.line("id"), "question id '" + id + "' must be lowercase letters, digits and dashes");
    }
    String typeName = entry.requiredString("type");
    Quiz.QuestionType type = questionType(typeName, file, entry.line("type"));
    String prompt = entry.requiredString("prompt");
    String explanation = entry.requiredString("explanation");
    links.collect(file, prompt, offset -> entry.lineWithin("prompt", offset, prompt));
    links.collect(file, explanation, offset -> entry.lineWithin("explanation", offset, explanation));
    int points = entry.optionalInt("points", 1, 1, 100);
    if (type == Quiz.QuestionType.NUMERIC) {
      for (String key : List.of("options", "correct")) {
        if (entry.has(key)) {
          problems.add(file, entry.line(key), "a numeric question has no '" + key + "'; give 'answer' and 'tolerance'");
        }
      }
      Double answer = entry.requiredNumber("answer");
      Double tolerance = entry.requiredNumber("tolerance");
      if (tolerance != null && tolerance < 0) {
        problems.add(file, entry.line("tolerance"), "tolerance must be 0 or more");
      }
      return new Quiz.Question(id, type, prompt, List.of(), List.of(), answer,
          tolerance == null ? 0 : tolerance, explanation, points);
    }
    for (String key : List.of("answer", "tolerance")) {
      if (type != null && entry.has(key)) {
        problems.add(file, entry.line(key), "only numeric questions have '" + key + "'");
      }
    }
    List<String> options = entry.stringList("options", true);
    if (options.size() == 1) {
      problems.add(file, entry.line("options"), "a choice question needs at least two options");
    }
    List<Integer> correct = entry.intList("correct");
    checkKey(type, options, correct, entry);
    return new Quiz.Question(id, type == null ? Quiz.QuestionType.SINGLE : type, prompt, options, correct,
        null, 0, explanation, points);
  }

  private void checkKey(Quiz.QuestionType type, List<String> options, List<Integer> correct, YamlMapping entry) {
    String file = entry.file();
    int line = entry.line("correct");
    if (correct.isEmpty()) {
      problems.add(file, line, "missing required field 'correct' (0-based index of the right option)");
      return;
    }
    if (new HashSet<>(correct).size() != correct.size()) {
      problems.add(file, line, "'correct' lists the same option twice");
    }
    for (int index : correct) {
      if (!options.isEmpty() && index >= options.size()) {
        problems.add(file, line, "'correct' index " + index + " is out of range: there are "
            + options.size() + " options, indexed from 0");
      }
    }
    if (type == Quiz.QuestionType.SINGLE && correct.size() != 1) {
      problems.add(file, line, "a single-choice question has exactly one correct option, found " + correct.size());
    }
    if (type == Quiz.QuestionType.MULTIPLE && !options.isEmpty() && correct.size() >= options.size()) {
      problems.add(file, line, "a multiple-choice question needs at least one wrong option");
    }
  }

  private Quiz.QuestionType questionType(String name, String file, int line) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "single" -> Quiz.QuestionType.SINGLE;
      case "multiple" -> Quiz.QuestionType.MULTIPLE;
      case "numeric" -> Quiz.QuestionType.NUMERIC;
      case "" -> null;
      default -> {
        problems.add(file, line, "question type '" + name + "' is unknown; use single, multiple or numeric");
        yield null;
      }
    };
  }

  private Optional<ModuleItem> lab(String id, int position, String path, String text, String hash) {
    Optional<YamlMapping> parsed = YamlText.parseMapping(text, path, 0, problems);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    YamlMapping lab = parsed.get();
    lab.allowOnly(LAB_KEYS);
    String labId = lab.requiredString("labId");
    if (!labId.isEmpty() && !labs.knows(labId)) {
      problems.add(path, lab.line("labId"), "lab id '" + labId + "' is unknown; known labs are " + labs.describe());
    }
    String title = lab.requiredString("title");
    Map<String, Object> defaults = lab.plainMap("defaults");
    String instructions = lab.requiredString("instructions");
    links.collect(path, instructions, offset -> lab.lineWithin("instructions", offset, instructions));
    return Optional.of(new LabItem(id, title, position, labId, instructions, defaults, hash, path));
  }

  private Optional<String> utf8(String path) {
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(files.bytes(path))).toString());
    } catch (CharacterCodingException e) {
      problems.add(path, 0, "is not valid UTF-8 text");
      return Optional.empty();
    }
  }
}
