/** The hook host process: compiles and loads student classes and serves calls; the only place student code runs. */
package org.ethoslab.hooks.host;
