/** Compiling and calling student hook code in the untrusted phase; failures carry file and line. */
package org.ethoslab.labs.hooks;
