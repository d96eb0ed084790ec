package org.ethoslab.app.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ethoslab.app.lesson.MarkdownRenderer;
import org.ethoslab.contract.lab.LabSpec.HookSpec;
import org.ethoslab.contract.lab.LabSpec.ParamSpec;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Fills the model of the lab page: instructions, one form field per parameter (typed, bounded, with help and the
 * value to show) and one editor per hook (the code to show and its starter code for Reset). Used by the page itself
 * and by a refused submit, which shows the page again with the student's values and the messages next to the fields.
 */
@Component
public class LabPage {

  public static final String VIEW = "lab/lab";

  private final MarkdownRenderer markdown;

  LabPage(MarkdownRenderer markdown) {
    this.markdown = markdown;
  }

  /** One parameter as the form shows it. */
  public record Field(ParamSpec spec, String value, boolean editable, String error, String min, String max,
                      String step) {
  }

  /** One hook editor. */
  public record Editor(HookSpec hook, String code, String error) {
  }

  /**
   * @param values what each field shows (raw text), falling back to the effective default
   * @param code   hook name → source to show, falling back to the starter code
   * @param errors messages by parameter name, or {@code hook-<name>} for a hook
   */
  public void fill(Model model, LabSettings settings, Map<String, ?> values, Map<String, String> code,
                   Map<String, String> errors) {
    List<Field> fields = new ArrayList<>();
    for (ParamSpec p : settings.lab().params()) {
      Object shown = values.containsKey(p.name()) ? values.get(p.name()) : settings.effectiveParams().get(p.name());
      String step = "int".equals(p.type()) ? "1" : "any";
      fields.add(new Field(p, shown == null ? "" : String.valueOf(shown), settings.editable(p.name()),
          errors.get(p.name()), ParamForm.format(p.min()), ParamForm.format(p.max()), step));
    }
    List<Editor> editors = new ArrayList<>();
    for (HookSpec h : settings.lab().hooks()) {
      editors.add(new Editor(h, code.getOrDefault(h.name(), h.starterCode()), errors.get("hook-" + h.name())));
    }
    Map<String, String> otherErrors = new LinkedHashMap<>(errors);
    fields.forEach(f -> otherErrors.remove(f.spec().name()));
    editors.forEach(e -> otherErrors.remove("hook-" + e.hook().name()));
    model.addAttribute("settings", settings);
    model.addAttribute("offering", settings.offering());
    model.addAttribute("item", settings.item());
    model.addAttribute("lab", settings.lab());
    model.addAttribute("assignment", settings.assignment());
    model.addAttribute("instructionsHtml", markdown.toSafeHtml(settings.body().instructions()));
    model.addAttribute("fields", fields);
    model.addAttribute("editors", editors);
    model.addAttribute("fieldErrors", errors);
    model.addAttribute("otherErrors", otherErrors.values());
  }
}
