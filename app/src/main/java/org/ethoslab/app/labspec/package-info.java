/**
 * The lab catalog: the specs of the labs runners can run, as runners (and, at start, the app itself for the labs.jar
 * next to its embedded runner) published them through the runner API. Lab pages, parameter forms, lab settings and
 * analytics read their labs from here; the app ships no lab code of its own.
 */
package org.ethoslab.app.labspec;
