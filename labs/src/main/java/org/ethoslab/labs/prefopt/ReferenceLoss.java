package org.ethoslab.labs.prefopt;

import java.util.Arrays;
import org.ethoslab.hooks.prefopt.LossTerms;
import org.ethoslab.hooks.prefopt.PreferenceLoss;

/**
 * The reference implementations of the lab's losses, in the form of TRL's DPO {@code loss_type} list (see
 * Alami et al. 2024, arXiv 2409.07772, which compares them for safety). With Δ = r_w − r_l and z = βΔ:
 * <ul>
 *   <li>DPO (Rafailov et al. 2023): −log σ(z)</li>
 *   <li>cDPO (conservative DPO, label smoothing ε): −(1−ε) log σ(z) − ε log σ(−z)</li>
 *   <li>robust DPO (Chowdhury et al. 2024): [−(1−ε) log σ(z) + ε log σ(−z)] / (1 − 2ε)</li>
 *   <li>IPO (Azar et al. 2023): (Δ̄ − 1/(2β))² with length-averaged log-ratios Δ̄ = r_w/|y_w| − r_l/|y_l|</li>
 *   <li>hinge / SLiC (Zhao et al. 2023): max(0, 1 − z)</li>
 *   <li>NCA (Chen et al. 2024): −log σ(βr_w) − ½ log σ(−βr_w) − ½ log σ(−βr_l)</li>
 *   <li>APO-zero (D'Oosterlinck et al. 2024): (1 − σ(βr_w)) + σ(βr_l)</li>
 * </ul>
 */
public enum ReferenceLoss implements PreferenceLoss {
  DPO("dpo", "DpoLoss") {
    @Override
    public LossTerms loss(double rw, double rl, int lengthW, int lengthL, double beta, double epsilon) {
      double z = beta * (rw - rl);
      double dz = -sigmoid(-z);
      return new LossTerms(-logSigmoid(z), beta * dz, -beta * dz);
    }
  },
  CDPO("cdpo", "CdpoLoss") {
    @Override
    public LossTerms loss(double rw, double rl, int lengthW, int lengthL, double beta, double epsilon) {
      double z = beta * (rw - rl);
      double value = -(1 - epsilon) * logSigmoid(z) - epsilon * logSigmoid(-z);
      double dz = -(1 - epsilon) * sigmoid(-z) + epsilon * sigmoid(z);
      return new LossTerms(value, beta * dz, -beta * dz);
    }
  },
  ROBUST("robust", "RobustDpoLoss") {
    @Override
    public LossTerms loss(double rw, double rl, int lengthW, int lengthL, double beta, double epsilon) {
      double z = beta * (rw - rl);
      double scale = 1 - 2 * epsilon;
      double value = (-(1 - epsilon) * logSigmoid(z) + epsilon * logSigmoid(-z)) / scale;
      double dz = (-(1 - epsilon) * sigmoid(-z) - epsilon * sigmoid(z)) / scale;
      return new LossTerms(value, beta * dz, -beta * dz);
    }
  },
  IPO("ipo", "IpoLoss") {
    @Override
    public LossTerms loss(double rw, double rl, int lengthW, int lengthL, double beta, double epsilon) {
      double gap = rw / lengthW - rl / lengthL - 1 / (2 * beta);
      return new LossTerms(gap * gap, 2 * gap / lengthW, -2 * gap / lengthL);
    }
  },
  HINGE("hinge", "HingeLoss") {
    @Override
    public LossTerms loss(double rw, double rl, int lengthW, int lengthL, double beta, double epsilon) {
      double z = beta * (rw - rl);
      // At the kink z = 1 the loss is flat on the right: take the zero subgradient there.
      double dz = z < 1 ? -1 : 0;
      return new LossTerms(Math.max(0, 1 - z), beta * dz, -beta * dz);
    }
  },
  NCA("nca", "NcaLoss") {
    @Override
    public LossTerms loss(double rw, double rl, int lengthW, int lengthL, double beta, double epsilon) {
      double a = beta * rw;
      double b = beta * rl;
      double value = -logSigmoid(a) - 0.5 * logSigmoid(-a) - 0.5 * logSigmoid(-b);
      return new LossTerms(value, beta * (-sigmoid(-a) + 0.5 * sigmoid(a)), beta * 0.5 * sigmoid(b));
    }
  },
  APO_ZERO("apo_zero", "ApoZeroLoss") {
    @Override
    public LossTerms loss(double rw, double rl, int lengthW, int lengthL, double beta, double epsilon) {
      double sw = sigmoid(beta * rw);
      double sl = sigmoid(beta * rl);
      return new LossTerms(1 - sw + sl, -beta * sw * (1 - sw), beta * sl * (1 - sl));
    }
  };

  private final String id;
  private final String hookName;

  ReferenceLoss(String id, String hookName) {
    this.id = id;
    this.hookName = hookName;
  }

  /** The parameter value naming this loss ({@code dpo}, {@code nca}, …). */
  public String id() {
    return id;
  }

  /** The class name a student's implementation of this loss must have. */
  public String hookName() {
    return hookName;
  }

  public static ReferenceLoss of(String id) {
    return Arrays.stream(values()).filter(l -> l.id.equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown loss " + id));
  }

  public static java.util.List<String> ids() {
    return Arrays.stream(values()).map(ReferenceLoss::id).toList();
  }

  /** σ(x), without overflow for large |x|. */
  static double sigmoid(double x) {
    if (x >= 0) {
      return 1 / (1 + Math.exp(-x));
    }
    double e = Math.exp(x);
    return e / (1 + e);
  }

  /** log σ(x) = −log(1 + e^(−x)), stable for large |x|. */
  static double logSigmoid(double x) {
    return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
  }
}
