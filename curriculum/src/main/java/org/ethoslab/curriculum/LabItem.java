package org.ethoslab.curriculum;

import java.util.Map;

/**
 * A graded live lab inside a module.
 *
 * @param labId         id of the lab in the lab registry of module {@code labs}, e.g. {@code w2s}
 * @param instructions  Markdown connecting the lab to the lessons
 * @param defaults      parameter defaults for this item (override the LabSpec's defaults)
 */
public record LabItem(String id, String title, int position, String labId, String instructions,
                      Map<String, Object> defaults, String contentHash, String sourceFile) implements ModuleItem {
  public LabItem {
    defaults = Map.copyOf(defaults);
  }

  @Override
  public ItemKind kind() {
    return ItemKind.LAB;
  }
}
