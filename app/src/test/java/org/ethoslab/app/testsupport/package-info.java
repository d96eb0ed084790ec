/** Reusable test support: a fresh PostgreSQL database per run, headless Chromium, and the skip-or-fail rule. */
package org.ethoslab.app.testsupport;
