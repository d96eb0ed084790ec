/** The weak-to-strong lab's hook: combining weak teachers' votes. */
package org.ethoslab.hooks.w2s;
