package org.ethoslab.app.submission;

import java.util.Map;

/**
 * What the student sent from the lab page.
 *
 * @param params raw form values by parameter name (validated against the lab's types and bounds)
 * @param code   hook name → Java source
 */
public record SubmitRequest(Map<String, String> params, Map<String, String> code) {
}
