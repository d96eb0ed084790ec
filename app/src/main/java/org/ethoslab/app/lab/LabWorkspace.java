package org.ethoslab.app.lab;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ethoslab.app.course.CourseItem;
import org.ethoslab.app.course.ItemBodies;
import org.ethoslab.app.grading.LabAssignment;
import org.ethoslab.app.grading.LabAssignmentRepository;
import org.ethoslab.app.labspec.LabNotOfferedException;
import org.ethoslab.app.labspec.PublishedLabs;
import org.ethoslab.app.lesson.ProgressService;
import org.ethoslab.app.offering.Enrollment;
import org.ethoslab.app.offering.OfferingService;
import org.ethoslab.app.offering.OfferingService.OfferingAccess;
import org.ethoslab.app.system.PageNotFoundException;
import org.ethoslab.contract.lab.LabSpec;
import org.ethoslab.curriculum.ItemKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a lab item of an offering for a user (access checked: enrolled students and the offering's teachers) and
 * keeps the student's draft. A draft is always read and written for the signed-in user only.
 */
@Service
public class LabWorkspace {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

  private final OfferingService offerings;
  private final ProgressService progress;
  private final PublishedLabs catalog;
  private final LabAssignmentRepository assignments;
  private final LabDraftRepository drafts;
  private final Clock clock;

  LabWorkspace(OfferingService offerings, ProgressService progress, PublishedLabs catalog,
               LabAssignmentRepository assignments, LabDraftRepository drafts, Clock clock) {
    this.offerings = offerings;
    this.progress = progress;
    this.catalog = catalog;
    this.assignments = assignments;
    this.drafts = drafts;
    this.clock = clock;
  }

  /**
   * The merged settings of a lab item, with the newest spec a runner published for its lab.
   *
   * @throws PageNotFoundException when the offering or item does not exist or is not a lab
   * @throws LabNotOfferedException when no runner has published the item's lab: its pages say so instead
   */
  @Transactional(readOnly = true)
  public LabSettings open(long offeringId, long itemId, long accountId, boolean admin) {
    AssignedLab assigned = assigned(offeringId, itemId, accountId, admin);
    LabSpec lab = catalog.find(assigned.body().labId())
        .orElseThrow(() -> new LabNotOfferedException(assigned.body().labId()));
    Map<String, Object> merged = LabSettings.merge(lab, assigned.body().defaults(),
        readObject(assigned.assignment().getParamDefaults()));
    return new LabSettings(assigned.offering(), assigned.enrollment(), assigned.item(), assigned.body(), lab,
        assigned.assignment(), merged, editableNames(assigned.assignment().getEditableParams()));
  }

  /**
   * A lab item of an offering without its lab's spec (result and history pages), access checked as for
   * {@link #open}.
   *
   * @throws PageNotFoundException when the offering or item does not exist or is not a lab
   */
  @Transactional(readOnly = true)
  public AssignedLab assigned(long offeringId, long itemId, long accountId, boolean admin) {
    OfferingAccess access = offerings.access(offeringId, accountId, admin);
    List<CourseItem> items = progress.progress(access.offering().getCourse().getId(),
        access.enrollment().map(Enrollment::getId)).items();
    CourseItem item = items.stream().filter(i -> i.getId() == itemId && i.getKind() == ItemKind.LAB).findFirst()
        .orElseThrow(() -> new PageNotFoundException("error.detail.item"));
    LabAssignment assignment = assignments.findByOfferingIdAndItemId(offeringId, itemId)
        .orElseGet(() -> LabAssignment.defaults(offeringId, itemId));
    return new AssignedLab(access.offering(), access.enrollment(), item, ItemBodies.lab(item), assignment);
  }

  /** The user's draft of this item, if they saved one. */
  @Transactional(readOnly = true)
  public Optional<LabDraft> draft(long userId, long offeringId, long itemId) {
    return drafts.findByUserIdAndOfferingIdAndItemId(userId, offeringId, itemId);
  }

  /** Saves the user's draft (params and code as JSON objects), replacing the previous one. */
  @Transactional
  public LabDraft saveDraft(long userId, long offeringId, long itemId, String paramsJson, String codeJson) {
    LabDraft draft = drafts.findByUserIdAndOfferingIdAndItemId(userId, offeringId, itemId)
        .orElseGet(() -> new LabDraft(userId, offeringId, itemId));
    draft.update(paramsJson, codeJson, OffsetDateTime.now(clock));
    return drafts.save(draft);
  }

  static Map<String, Object> readObject(String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    try {
      return JSON.readValue(json, OBJECT);
    }
    catch (JsonProcessingException e) {
      throw new IllegalStateException("stored lab settings are not a JSON object: " + e.getOriginalMessage(), e);
    }
  }

  private static Set<String> editableNames(String json) {
    if (json == null || json.isBlank()) {
      return null;
    }
    try {
      return new HashSet<>(JSON.readValue(json, new TypeReference<List<String>>() { }));
    }
    catch (JsonProcessingException e) {
      throw new IllegalStateException("stored editable parameters are not a JSON array: " + e.getOriginalMessage(), e);
    }
  }
}
