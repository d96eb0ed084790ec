/** The lab contract: specs, jobs, parameters, context and events, evaluations, rubric, registry, artifacts. */
package org.ethoslab.labs.core;
