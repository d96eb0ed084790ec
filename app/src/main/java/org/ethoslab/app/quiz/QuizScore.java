package org.ethoslab.app.quiz;

/**
 * A student's best result on one quiz of an offering, for the gradebook: the highest score over all attempts, the
 * quiz's maximum at that time, and how many attempts there were.
 */
public record QuizScore(long enrollmentId, long itemId, int bestScore, int maxScore, long attempts) {
}
