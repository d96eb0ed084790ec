package org.ethoslab.app.authoring;

import java.util.List;
import java.util.Optional;

import org.ethoslab.app.account.CurrentUser;
import org.ethoslab.app.course.CourseItem;
import org.ethoslab.app.lesson.MarkdownRenderer;
import org.ethoslab.curriculum.CurriculumException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The item editor: Markdown (lessons, case studies) or YAML (quizzes, labs) with a live preview rendered by the
 * renderer students get, drafts, publishing, version history with diffs, restore.
 */
@Controller
class ItemEditorController {

  static final String EDITOR_VIEW = "authoring/editor";
  static final String HISTORY_VIEW = "authoring/history";
  /** A curriculum file may be at most 256 KiB; refuse bigger drafts before they reach the database. */
  static final int MAX_SOURCE_CHARS = 256 * 1024;
  /** Unchanged lines shown around each change in a diff. */
  static final int DIFF_CONTEXT = 3;

  private final AuthoringService authoring;
  private final MarkdownRenderer markdown;

  ItemEditorController(AuthoringService authoring, MarkdownRenderer markdown) {
    this.authoring = authoring;
    this.markdown = markdown;
  }

  @GetMapping("/teach/courses/{courseId}/items/{itemId}/edit")
  String initEditor(@PathVariable long courseId, @PathVariable long itemId, @AuthenticationPrincipal CurrentUser user,
                    Model model) {
    CourseItem item = authoring.ownedItem(courseId, itemId, user.getAccountId());
    String title = item.hasDraft() ? item.getDraftTitle() : item.getTitle();
    String source = item.hasDraft() ? item.getDraftBody() : CourseFiles.authoredSource(item);
    fillEditor(model, courseId, item, title, source, List.of());
    return EDITOR_VIEW;
  }

  @PostMapping("/teach/courses/{courseId}/items/{itemId}/draft")
  String processDraft(@PathVariable long courseId, @PathVariable long itemId, @RequestParam String title,
                      @RequestParam String source, @RequestParam(defaultValue = "save") String action,
                      @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
    CourseItem item = authoring.ownedItem(courseId, itemId, user.getAccountId());
    if (title.isBlank() || title.length() > CourseAuthoringController.MAX_TITLE || source.length() > MAX_SOURCE_CHARS) {
      fillEditor(model, courseId, item, title, source, List.of(new CurriculumException.Problem("title/source", 0,
          "the title must be 1 to " + CourseAuthoringController.MAX_TITLE + " characters and the text at most "
              + MAX_SOURCE_CHARS + " characters")));
      return EDITOR_VIEW;
    }
    authoring.saveDraft(courseId, itemId, user.getAccountId(), title, source);
    if (!"publish".equals(action)) {
      redirect.addFlashAttribute("message", "flash.draftSaved");
      redirect.addFlashAttribute("messageArg", title.strip());
      return "redirect:/teach/courses/" + courseId + "/items/" + itemId + "/edit";
    }
    try {
      ItemVersion version = authoring.publish(courseId, itemId, user.getAccountId());
      redirect.addFlashAttribute("message", "flash.published");
      redirect.addFlashAttribute("messageArg", version.getVersion());
      return "redirect:/teach/courses/" + courseId + "/items/" + itemId + "/edit";
    }
    catch (CurriculumException ex) {
      fillEditor(model, courseId, authoring.ownedItem(courseId, itemId, user.getAccountId()), title, source,
          ex.problems());
      return EDITOR_VIEW;
    }
  }

  /** Sanitized HTML of Markdown, exactly as a student's page renders it (the editor's live preview). */
  @PostMapping(path = "/teach/courses/{courseId}/preview", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> preview(@PathVariable long courseId, @RequestParam(defaultValue = "") String title,
                                 @RequestParam String source, @AuthenticationPrincipal CurrentUser user) {
    authoring.ownedCourse(courseId, user.getAccountId());
    if (source.length() > MAX_SOURCE_CHARS) {
      return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN)
          .body("The text is longer than " + MAX_SOURCE_CHARS + " characters.");
    }
    return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(markdown.lessonHtml(source, title));
  }

  @GetMapping("/teach/courses/{courseId}/items/{itemId}/history")
  String showHistory(@PathVariable long courseId, @PathVariable long itemId,
                     @RequestParam Optional<Integer> compare, @AuthenticationPrincipal CurrentUser user, Model model) {
    CourseItem item = authoring.ownedItem(courseId, itemId, user.getAccountId());
    List<ItemVersion> versions = authoring.history(courseId, itemId, user.getAccountId());
    String current = item.hasDraft() ? item.getDraftBody() : CourseFiles.authoredSource(item);
    model.addAttribute("courseId", courseId);
    model.addAttribute("item", item);
    model.addAttribute("versions", versions);
    compare.flatMap(n -> versions.stream().filter(v -> v.getVersion() == n).findFirst()).ifPresent(v -> {
      model.addAttribute("compared", v);
      model.addAttribute("diff", LineDiff.aroundChanges(LineDiff.diff(v.getSource(), current), DIFF_CONTEXT));
    });
    return HISTORY_VIEW;
  }

  @PostMapping("/teach/courses/{courseId}/items/{itemId}/restore")
  String processRestore(@PathVariable long courseId, @PathVariable long itemId, @RequestParam int version,
                        @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
    authoring.restore(courseId, itemId, user.getAccountId(), version);
    redirect.addFlashAttribute("message", "flash.restored");
    redirect.addFlashAttribute("messageArg", version);
    return "redirect:/teach/courses/" + courseId + "/items/" + itemId + "/edit";
  }

  private void fillEditor(Model model, long courseId, CourseItem item, String title, String source,
                          List<CurriculumException.Problem> problems) {
    model.addAttribute("courseId", courseId);
    model.addAttribute("item", item);
    // Not "title": the layout fragment has a parameter of that name, which would shadow it in the page.
    model.addAttribute("itemTitle", title);
    model.addAttribute("source", source);
    model.addAttribute("problems", problems);
    model.addAttribute("previewHtml", item.isReading() ? markdown.lessonHtml(source, title) : null);
  }
}
