package org.ethoslab.labs.w2s;

import java.util.ArrayList;
import java.util.List;
import org.ethoslab.labs.data.TextExample;
import org.ethoslab.labs.nn.SentenceEncoder;

/**
 * The strong student's input: the frozen MiniLM embedding u of a text, or for a pair (u, v) the classification
 * features of Sentence-BERT (Reimers &amp; Gurevych 2019) extended with the product: [u, v, |u−v|, u∘v].
 */
final class StrongFeatures {
  private StrongFeatures() {
  }

  static int dimension(boolean pair) {
    return pair ? 4 * SentenceEncoder.DIMENSION : SentenceEncoder.DIMENSION;
  }

  static float[][] of(List<TextExample> examples, SentenceEncoder encoder,
            SentenceEncoder.ProgressListener progress) throws Exception {
    List<String> texts = new ArrayList<>();
    for (TextExample e : examples) {
      texts.add(e.text());
      if (e.isPair()) {
        texts.add(e.pairText());
      }
    }
    float[][] emb = encoder.embed(texts, progress);
    float[][] out = new float[examples.size()][];
    int j = 0;
    for (int i = 0; i < examples.size(); i++) {
      float[] u = emb[j++];
      if (!examples.get(i).isPair()) {
        out[i] = u;
        continue;
      }
      float[] v = emb[j++];
      int d = u.length;
      float[] f = new float[4 * d];
      for (int k = 0; k < d; k++) {
        f[k] = u[k];
        f[d + k] = v[k];
        f[2 * d + k] = Math.abs(u[k] - v[k]);
        f[3 * d + k] = u[k] * v[k];
      }
      out[i] = f;
    }
    return out;
  }
}
