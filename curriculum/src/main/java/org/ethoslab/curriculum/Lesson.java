package org.ethoslab.curriculum;

/**
 * A lesson or a case study written in Markdown (tables, fenced code, {@code $…$} and {@code $$…$$} math).
 * The Markdown is raw and unsanitized: renderers must sanitize it.
 *
 * @param kind              {@link ItemKind#LESSON} or {@link ItemKind#CASE_STUDY}
 * @param estimatedMinutes  reading time shown to students
 * @param sourceFile        path of the file relative to the curriculum root, for error messages
 */
public record Lesson(String id, String title, int position, ItemKind kind, String markdown,
                     int estimatedMinutes, String contentHash, String sourceFile) implements ModuleItem {
}
