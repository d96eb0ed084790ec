/** Instructor authoring: editable copies of courses, drafts, publishing, version history, zip import and export. */
package org.ethoslab.app.authoring;
