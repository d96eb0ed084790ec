/** One lab job as the app submits it and the labs CLI reads it, its seeds, and how the CLI's processes exit. */
package org.ethoslab.contract.job;
