/** The runner's slots: claiming, heartbeats, event flushing and complete for each leased job. */
package org.ethoslab.runner.loop;
