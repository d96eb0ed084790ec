/** The runner as a whole: standalone main, embeddable entry point, configuration and health. */
package org.ethoslab.runner;
