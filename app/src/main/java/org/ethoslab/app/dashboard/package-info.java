/** The start page: a welcome for visitors, a student's courses with their progress once signed in. */
package org.ethoslab.app.dashboard;
