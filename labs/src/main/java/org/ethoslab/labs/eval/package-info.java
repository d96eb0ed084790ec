/** Evaluation formulas: accuracy, ROC-AUC, PGR, medians and bootstrap confidence intervals. */
package org.ethoslab.labs.eval;
