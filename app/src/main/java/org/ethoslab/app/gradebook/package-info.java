/** The instructor's gradebook of an offering: students × graded items, submission detail, overrides, CSV export. */
package org.ethoslab.app.gradebook;
