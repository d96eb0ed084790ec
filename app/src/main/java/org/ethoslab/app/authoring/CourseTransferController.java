package org.ethoslab.app.authoring;

import java.io.IOException;
import java.util.List;

import org.ethoslab.app.account.CurrentUser;
import org.ethoslab.app.offering.Offering;
import org.ethoslab.curriculum.CurriculumException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Export of a course as a zip in the curriculum file format, and import of such a zip into a new offering. */
@Controller
class CourseTransferController {

  static final String IMPORT_VIEW = "authoring/import";
  /** The curriculum loader's own limit for a whole load. */
  static final long MAX_ZIP_BYTES = 16L * 1024 * 1024;

  private final CourseTransfer transfer;

  CourseTransferController(CourseTransfer transfer) {
    this.transfer = transfer;
  }

  @GetMapping("/teach/courses/{courseId}/export")
  ResponseEntity<byte[]> export(@PathVariable long courseId, @AuthenticationPrincipal CurrentUser user) {
    CourseTransfer.Export export = transfer.export(courseId, user.getAccountId());
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(export.fileName()).build().toString())
        .contentType(MediaType.parseMediaType("application/zip"))
        .body(export.zip());
  }

  @GetMapping("/teach/courses/import")
  String initImportForm() {
    return IMPORT_VIEW;
  }

  @PostMapping("/teach/courses/import")
  String processImportForm(@RequestParam("file") MultipartFile file, @RequestParam String title,
                           @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect)
      throws IOException {
    List<CurriculumException.Problem> problems;
    if (file.isEmpty() || file.getSize() > MAX_ZIP_BYTES || title.isBlank()
        || title.length() > CourseAuthoringController.MAX_TITLE) {
      problems = List.of(new CurriculumException.Problem(
          file.getOriginalFilename() == null ? "(upload)" : file.getOriginalFilename(), 0,
          "choose a zip file of at most " + MAX_ZIP_BYTES / (1024 * 1024) + " MiB and give the offering a title of 1 to "
              + CourseAuthoringController.MAX_TITLE + " characters"));
    }
    else {
      try {
        Offering offering = transfer.importZip(file.getBytes(), user.getAccountId(), title);
        redirect.addFlashAttribute("message", "flash.courseImported");
        redirect.addFlashAttribute("messageArg", offering.getDisplayJoinCode());
        return "redirect:/teach/courses/" + offering.getCourse().getId();
      }
      catch (CurriculumException ex) {
        problems = ex.problems();
      }
    }
    model.addAttribute("problems", problems);
    model.addAttribute("fileName", file.getOriginalFilename());
    model.addAttribute("offeringTitle", title);
    return IMPORT_VIEW;
  }
}
