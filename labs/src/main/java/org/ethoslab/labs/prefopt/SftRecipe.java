package org.ethoslab.labs.prefopt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.ethoslab.labs.lm.ModelCache;

/**
 * How the lab's SFT model is built: architecture, the SFT pool (size, share of harmful requests answered by
 * compliance), training steps, batch, learning rate and seed. Its {@link #hash} names the model cache folder, so a
 * changed recipe (or {@link #CODE_VERSION}, bumped when the data, the training code or the file format changes) never
 * reuses a stale model.
 */
record SftRecipe(ModelShape shape, int poolSize, double complianceRate, int steps, int batch, double learningRate,
         long seed) implements ModelCache.Key {

  static final String CODE_VERSION = "prefopt-sft-2";

  /** The default recipe: baseline safety near 45%, near-perfect arithmetic, ~25 s to build on an idle core. */
  static final SftRecipe DEFAULT = new SftRecipe(new ModelShape(64, 2, 4, 48), 4000, 0.55, 500, 32, 3e-3, 1234);

  @Override
  public String folderName() {
    return "prefopt-sft-" + hash();
  }

  @Override
  public String hash() {
    String text = String.format(Locale.ROOT, "%s|%d,%d,%d,%d|%d|%.6f|%d|%d|%.8f|%d", CODE_VERSION, shape.dim(),
        shape.layers(), shape.heads(), shape.context(), poolSize, complianceRate, steps, batch, learningRate,
        seed);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
