/**
 * Instructor authoring: editable courses, drafts, publishing, version history, zip import and export.
 *
 * <p>Design. A course template (imported from the curriculum files, no owner) is never edited in place: every
 * offering of it would change at once and the next start-up import would overwrite the edit. An instructor copies a
 * template into a course they own (copy = export + import, so a copy holds exactly what an export would), or imports
 * a zip, and starts offerings of that course. Only the owner edits it.
 *
 * <p>Items keep their row for life. An edit of a published item waits as a draft on the same row; publishing
 * validates the whole course with the edit in place through the curriculum loader (same rules and {@code file:line}
 * messages as an import), then replaces the published title and body and records a version. Completions and quiz
 * attempts reference the row, so they survive every edit; a new item is invisible to students until first published.
 * Versions are kept in the authored form (lesson Markdown, quiz or lab YAML) so that diffs read like the files.
 */
package org.ethoslab.app.authoring;
