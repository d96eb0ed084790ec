/** The preference-optimization lab's hook: a loss on one preference pair and its derivatives. */
package org.ethoslab.hooks.prefopt;
