package org.ethoslab.hooks.prefopt;

/**
 * One preference pair's loss and its partial derivatives with respect to the summed log-ratios r_w and r_l. The
 * trainer multiplies the derivatives into the policy's log-probabilities, so a hook needs no autograd.
 */
public record LossTerms(double value, double dRw, double dRl) {
}
