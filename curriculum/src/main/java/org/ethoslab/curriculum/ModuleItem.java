package org.ethoslab.curriculum;

/**
 * An item of a module. The importer keys items by {@code (module id, item id)} so that a new content
 * version updates an item in place and never loses what a student did with it.
 */
public sealed interface ModuleItem permits Lesson, Quiz, LabItem {

  /** Stable identifier unique within its module (slug). */
  String id();

  String title();

  /** 1-based display order within the module. */
  int position();

  ItemKind kind();

  /** SHA-256 (hex) of the item's source text; changes whenever the content does. */
  String contentHash();
}
