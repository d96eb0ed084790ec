/** Cross-cutting web concerns: security rules and headers, the home page, error pages, clock. */
package org.ethoslab.app.system;
