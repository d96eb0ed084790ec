/** Course templates in the database: imported from the curriculum module on start, shown as module outlines. */
package org.ethoslab.app.course;
