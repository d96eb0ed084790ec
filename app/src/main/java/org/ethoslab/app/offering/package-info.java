/** Course offerings: an instructor's run of a course template, joined by students with a join code. */
package org.ethoslab.app.offering;
