package org.ethoslab.labs.nn;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.translator.TextEmbeddingTranslator;
import ai.djl.inference.Predictor;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The "strong" pretrained model: all-MiniLM-L6-v2 (Reimers &amp; Gurevych's sentence-transformers model, quantized
 * ONNX) as a frozen encoder giving 384-dimensional, L2-normalised mean-pooled sentence embeddings.
 *
 * <p>The model and its {@code tokenizer.json} are read from the langchain4j {@code -q} jar on the classpath, which
 * is only a carrier: DJL's ONNX Runtime engine runs the model and DJL's HuggingFace tokenizer tokenizes, so nothing is
 * downloaded. Texts are embedded once per distinct string and cached.
 */
public final class SentenceEncoder implements AutoCloseable {
  public static final int DIMENSION = 384;
  static final String MODEL_RESOURCE = "/all-minilm-l6-v2-q.onnx";
  static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";
  private static final int BATCH = 32;
  private static final int MAX_TOKENS = 128;

  private final Model model;
  private final HuggingFaceTokenizer tokenizer;
  private final Predictor<String, float[]> predictor;
  private final Map<String, float[]> cache = new HashMap<>();

  private SentenceEncoder(Model model, HuggingFaceTokenizer tokenizer, Predictor<String, float[]> predictor) {
    this.model = model;
    this.tokenizer = tokenizer;
    this.predictor = predictor;
  }

  /** Loads the encoder with ONNX Runtime limited to {@code threads} intra-op threads. */
  public static SentenceEncoder load(int threads) throws IOException {
    Map<String, String> tokOptions = Map.of("maxLength", Integer.toString(MAX_TOKENS), "truncation", "true",
        "padding", "true");
    HuggingFaceTokenizer tokenizer;
    try (InputStream tok = resource(TOKENIZER_RESOURCE)) {
      tokenizer = HuggingFaceTokenizer.newInstance(tok, tokOptions);
    }
    Model model = Model.newInstance("all-minilm-l6-v2-q", Device.cpu(), "OnnxRuntime");
    try (InputStream onnx = resource(MODEL_RESOURCE)) {
      Map<String, String> options = new HashMap<>();
      options.put("intraOpNumThreads", Integer.toString(threads));
      options.put("interOpNumThreads", "1");
      model.load(onnx, options);
    } catch (Exception e) {
      model.close();
      tokenizer.close();
      throw new IOException("cannot load the MiniLM ONNX model: " + e.getMessage(), e);
    }
    TextEmbeddingTranslator translator = TextEmbeddingTranslator.builder(tokenizer)
        .optIncludeTokenTypes(true)
        .optPoolingMode("mean")
        .optNormalize(true)
        .build();
    return new SentenceEncoder(model, tokenizer, model.newPredictor(translator));
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = SentenceEncoder.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException("resource " + name + " not on the classpath (the langchain4j all-minilm-l6-v2-q jar)");
    }
    return in;
  }

  /** Embeddings of {@code texts} in order; each distinct text is run through the model once per encoder. */
  public float[][] embed(List<String> texts, ProgressListener progress) throws Exception {
    Set<String> distinct = new LinkedHashSet<>();
    for (String t : texts) {
      if (!cache.containsKey(t)) {
        distinct.add(t);
      }
    }
    List<String> missing = new ArrayList<>(distinct);
    for (int i = 0; i < missing.size(); i += BATCH) {
      List<String> batch = missing.subList(i, Math.min(missing.size(), i + BATCH));
      List<float[]> vectors = predictor.batchPredict(batch);
      for (int j = 0; j < batch.size(); j++) {
        cache.put(batch.get(j), vectors.get(j));
      }
      if (progress != null) {
        progress.onProgress(Math.min(missing.size(), i + BATCH), missing.size());
      }
    }
    float[][] out = new float[texts.size()][];
    for (int i = 0; i < texts.size(); i++) {
      out[i] = cache.get(texts.get(i));
    }
    return out;
  }

  /** Number of word pieces the tokenizer makes of {@code text} (for tokens/s figures). */
  public int countTokens(String text) {
    return tokenizer.encode(text).getIds().length;
  }

  /** Receives (done, total) as batches finish. */
  @FunctionalInterface
  public interface ProgressListener {
    void onProgress(int done, int total);
  }

  @Override
  public void close() {
    predictor.close();
    model.close();
    tokenizer.close();
  }
}
