package org.ethoslab.app.lab;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ethoslab.app.account.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The lab page of a lab item ({@code /offerings/{o}/labs/{item}}), opened with the student's own draft when there is
 * one, and the draft autosave endpoint the editor script calls.
 */
@Controller
class LabPageController {

  /** Largest draft accepted, in characters (all hooks and parameters together). */
  static final int MAX_DRAFT_CHARS = 256 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() { };

  private final LabWorkspace workspace;
  private final LabPage page;

  LabPageController(LabWorkspace workspace, LabPage page) {
    this.workspace = workspace;
    this.page = page;
  }

  @GetMapping("/offerings/{offeringId}/labs/{itemId}")
  String show(@PathVariable long offeringId, @PathVariable long itemId, @AuthenticationPrincipal CurrentUser user,
              Model model) {
    LabSettings settings = workspace.open(offeringId, itemId, user.getAccountId(), user.isAdmin());
    Map<String, String> params = Map.of();
    Map<String, String> code = Map.of();
    var draft = workspace.draft(user.getAccountId(), offeringId, itemId);
    if (draft.isPresent()) {
      params = read(draft.get().getParams());
      code = read(draft.get().getCode());
      model.addAttribute("draftSavedAt", draft.get().getUpdatedAt());
    }
    page.fill(model, settings, params, code, Map.of());
    return LabPage.VIEW;
  }

  /** The draft the editor script saves as the student types: {@code {"params":{…},"code":{…}}}. */
  @PutMapping("/offerings/{offeringId}/labs/{itemId}/draft")
  @ResponseBody
  ResponseEntity<Map<String, String>> saveDraft(@PathVariable long offeringId, @PathVariable long itemId,
                                                @AuthenticationPrincipal CurrentUser user,
                                                @RequestBody String body) {
    LabSettings settings = workspace.open(offeringId, itemId, user.getAccountId(), user.isAdmin());
    if (body.length() > MAX_DRAFT_CHARS) {
      return ResponseEntity.badRequest().body(Map.of("error", "draft: " + body.length()
          + " characters, the limit is " + MAX_DRAFT_CHARS));
    }
    Draft draft;
    try {
      draft = JSON.readValue(body, Draft.class);
    }
    catch (JsonProcessingException e) {
      return ResponseEntity.badRequest().body(Map.of("error",
          "draft: expected {\"params\":{name:text},\"code\":{hook:source}}"));
    }
    Map<String, String> params = draft.params() == null ? Map.of() : draft.params();
    Map<String, String> code = draft.code() == null ? Map.of() : draft.code();
    for (String name : params.keySet()) {
      if (settings.lab().param(name).isEmpty()) {
        return ResponseEntity.badRequest().body(Map.of("error", "params." + name + ": not a parameter of this lab"));
      }
    }
    for (String name : code.keySet()) {
      if (settings.lab().hook(name).isEmpty()) {
        return ResponseEntity.badRequest().body(Map.of("error", "code." + name + ": not a hook of this lab"));
      }
    }
    LabDraft saved = workspace.saveDraft(user.getAccountId(), offeringId, itemId, write(params), write(code));
    return ResponseEntity.ok(Map.of("savedAt", saved.getUpdatedAt().toString()));
  }

  /** The JSON body of a draft save. */
  record Draft(Map<String, String> params, Map<String, String> code) {
  }

  private static Map<String, String> read(String json) {
    try {
      return JSON.readValue(json, STRINGS);
    }
    catch (JsonProcessingException e) {
      return Map.of();
    }
  }

  private static String write(Map<String, String> value) {
    try {
      return JSON.writeValueAsString(value);
    }
    catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
