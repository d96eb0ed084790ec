/** How labs are graded per offering: lab assignment settings, late policy, scores, gradebook and overrides. */
package org.ethoslab.app.grading;
