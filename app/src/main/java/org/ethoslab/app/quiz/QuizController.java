package org.ethoslab.app.quiz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ethoslab.app.account.CurrentUser;
import org.ethoslab.app.course.CourseItem;
import org.ethoslab.app.course.CourseItemRepository;
import org.ethoslab.app.course.ItemBodies;
import org.ethoslab.app.lesson.MarkdownRenderer;
import org.ethoslab.app.offering.Enrollment;
import org.ethoslab.app.offering.OfferingService;
import org.ethoslab.app.offering.OfferingService.OfferingAccess;
import org.ethoslab.app.system.AccessRefusedException;
import org.ethoslab.app.system.PageNotFoundException;
import org.ethoslab.curriculum.ItemKind;
import org.ethoslab.curriculum.Quiz;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A quiz of a course: answer it, get it graded, see the feedback of the latest attempt, try again. */
@Controller
class QuizController {

  static final String VIEW = "quiz/quiz";
  /** Form fields are named {@code answer.<question id>}; a checkbox question sends several values. */
  static final String FIELD_PREFIX = "answer.";

  private final OfferingService offeringService;
  private final CourseItemRepository items;
  private final QuizService quizService;
  private final MarkdownRenderer markdown;

  QuizController(OfferingService offeringService, CourseItemRepository items, QuizService quizService,
                 MarkdownRenderer markdown) {
    this.offeringService = offeringService;
    this.items = items;
    this.quizService = quizService;
    this.markdown = markdown;
  }

  @GetMapping("/offerings/{offeringId}/quizzes/{itemId}")
  String initQuizForm(@PathVariable long offeringId, @PathVariable long itemId,
                      @AuthenticationPrincipal CurrentUser user, Model model) {
    OfferingAccess access = offeringService.access(offeringId, user.getAccountId(), user.isAdmin());
    CourseItem item = quizItem(access, itemId);
    List<Quiz.Question> questions = ItemBodies.quizQuestions(item);
    Optional<QuizService.LatestAttempt> latest = access.enrollment()
        .flatMap(e -> quizService.latest(e.getId(), itemId));
    Optional<QuizGrader.Grade> grade = latest.map(l -> QuizGrader.grade(questions, l.answers()));
    Map<String, List<String>> answers = latest.map(QuizService.LatestAttempt::answers).orElse(Map.of());
    fillModel(model, access, item, questions, answers, grade.orElse(null), List.of());
    model.addAttribute("latest", latest.orElse(null));
    return VIEW;
  }

  @PostMapping("/offerings/{offeringId}/quizzes/{itemId}")
  String processQuizForm(@PathVariable long offeringId, @PathVariable long itemId,
                         @RequestParam MultiValueMap<String, String> params,
                         @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
    OfferingAccess access = offeringService.access(offeringId, user.getAccountId(), user.isAdmin());
    Enrollment enrollment = access.enrollment()
        .orElseThrow(() -> new AccessRefusedException("error.detail.quizNeedsEnrollment"));
    CourseItem item = quizItem(access, itemId);
    List<Quiz.Question> questions = ItemBodies.quizQuestions(item);
    Map<String, List<String>> answers = answers(params, questions);
    List<QuizGrader.InputProblem> problems = QuizGrader.check(questions, answers);
    if (!problems.isEmpty()) {
      fillModel(model, access, item, questions, answers, null, problems);
      return VIEW;
    }
    QuizGrader.Grade grade = quizService.submit(enrollment.getId(), itemId, questions, answers);
    redirect.addFlashAttribute("message", "flash.quizGraded");
    redirect.addFlashAttribute("messageArg", grade.score() + " / " + grade.maxScore());
    return "redirect:/offerings/" + offeringId + "/quizzes/" + itemId;
  }

  private void fillModel(Model model, OfferingAccess access, CourseItem item, List<Quiz.Question> questions,
                         Map<String, List<String>> answers, QuizGrader.Grade grade,
                         List<QuizGrader.InputProblem> problems) {
    List<QuestionView> views = new ArrayList<>();
    for (int i = 0; i < questions.size(); i++) {
      Quiz.Question q = questions.get(i);
      List<String> given = answers.getOrDefault(q.id(), List.of());
      List<OptionView> options = new ArrayList<>();
      for (int o = 0; o < q.options().size(); o++) {
        options.add(new OptionView(String.valueOf(o), markdown.toSafeHtml(q.options().get(o)),
            given.contains(String.valueOf(o))));
      }
      QuizGrader.QuestionResult result = grade == null ? null : grade.results().get(i);
      String problem = problems.stream().filter(p -> p.questionId().equals(q.id()))
          .map(QuizGrader.InputProblem::messageKey).findFirst().orElse(null);
      views.add(new QuestionView(i + 1, FIELD_PREFIX + q.id(), q.type().name(), markdown.toSafeHtml(q.prompt()),
          options, q.points(), q.type() == Quiz.QuestionType.NUMERIC && !given.isEmpty() ? given.get(0) : "",
          result, result == null ? null : markdown.toSafeHtml(q.explanation()), problem));
    }
    model.addAttribute("offering", access.offering());
    model.addAttribute("item", item);
    model.addAttribute("module", item.getModule());
    model.addAttribute("enrolled", access.enrollment().isPresent());
    model.addAttribute("questions", shuffled(views, access, item.getId()));
    model.addAttribute("grade", grade);
    model.addAttribute("problems", problems);
  }

  /**
   * Questions and options in this student's order for the attempt they are working on (see {@link QuizShuffle}),
   * numbered as shown. A teacher without an enrollment sees the authored order.
   */
  private List<QuestionView> shuffled(List<QuestionView> views, OfferingAccess access, long itemId) {
    if (access.enrollment().isEmpty()) {
      return views;
    }
    long enrollmentId = access.enrollment().get().getId();
    long attempt = quizService.latest(enrollmentId, itemId).map(QuizService.LatestAttempt::attemptCount).orElse(0L) + 1;
    java.util.Random random = QuizShuffle.forAttempt(enrollmentId, itemId, attempt);
    List<QuestionView> ordered = QuizShuffle.shuffled(views, random);
    List<QuestionView> numbered = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      QuestionView q = ordered.get(i);
      numbered.add(new QuestionView(i + 1, q.field(), q.type(), q.promptHtml(), QuizShuffle.shuffled(q.options(), random),
          q.points(), q.numericValue(), q.result(), q.explanationHtml(), q.problemKey()));
    }
    return numbered;
  }

  private CourseItem quizItem(OfferingAccess access, long itemId) {
    return items.findActiveByCourse(access.offering().getCourse().getId()).stream()
        .filter(i -> i.getId() == itemId && i.getKind() == ItemKind.QUIZ)
        .findFirst()
        .orElseThrow(() -> new PageNotFoundException("error.detail.item"));
  }

  private static Map<String, List<String>> answers(MultiValueMap<String, String> params,
                                                   List<Quiz.Question> questions) {
    Map<String, List<String>> answers = new LinkedHashMap<>();
    for (Quiz.Question q : questions) {
      answers.put(q.id(), List.copyOf(params.getOrDefault(FIELD_PREFIX + q.id(), List.of())));
    }
    return answers;
  }

  /** One option of a choice question, with whether it is ticked. */
  record OptionView(String value, String html, boolean checked) {
  }

  /** One question as the page shows it, with the feedback of the graded attempt when there is one. */
  record QuestionView(int number, String field, String type, String promptHtml, List<OptionView> options, int points,
                      String numericValue, QuizGrader.QuestionResult result, String explanationHtml,
                      String problemKey) {
  }
}
