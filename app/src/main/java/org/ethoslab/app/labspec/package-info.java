/** The specs of the labs this build ships (parameters, hooks, checks, limits), as the app's own records. */
package org.ethoslab.app.labspec;
