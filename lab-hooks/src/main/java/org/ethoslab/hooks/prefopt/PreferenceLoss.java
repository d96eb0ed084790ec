package org.ethoslab.hooks.prefopt;

/**
 * Student hook: a preference-optimisation loss on one pair. {@code rw} and {@code rl} are the summed log-ratios
 * r = log π_θ(y|x) − log π_ref(y|x) of the chosen and the rejected reply (the reference computed without gradient);
 * {@code lengthW}/{@code lengthL} are the replies' token counts (IPO averages the log-ratios over them);
 * {@code beta} is β and {@code epsilon} the label-noise ε of cDPO and robust DPO. Return the loss and its
 * derivatives ∂L/∂r_w and ∂L/∂r_l; the trainer back-propagates them through π_θ.
 */
public interface PreferenceLoss {
  LossTerms loss(double rw, double rl, int lengthW, int lengthL, double beta, double epsilon);
}
