/** Quizzes: answering, automatic grading on the server, and the feedback of the latest attempt. */
package org.ethoslab.app.quiz;
