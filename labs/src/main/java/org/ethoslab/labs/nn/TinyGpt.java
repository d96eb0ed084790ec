package org.ethoslab.labs.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * A small causal language model in the GPT-2 shape (Radford et al. 2019): token + learned position embeddings,
 * {@code layers} pre-LayerNorm transformer layers, a final LayerNorm and a linear head to vocabulary logits.
 * Input: token ids (B, T) as int32/int64 with T ≤ context; output: logits (B, T, vocab). Parameters are named by
 * path and reachable with {@code getParameters()} for merging labs. Initialise with {@code DataType.FLOAT32} (the
 * parameters' type) and the token-id input shape.
 */
public final class TinyGpt extends AbstractBlock {
  private static final byte VERSION = 1;

  private final int vocab;
  private final int context;
  private final int dim;
  private final Parameter tokenEmbedding;
  private final Parameter positionEmbedding;
  private final PreLnTransformerBlock[] layers;
  private final LayerNorm finalNorm;
  private final Linear head;

  private TinyGpt(Builder b) {
    super(VERSION);
    vocab = b.vocab;
    context = b.context;
    dim = b.dim;
    tokenEmbedding = addParameter(Parameter.builder().setName("token_embedding").setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(vocab, dim)).optInitializer(new NormalInitializer(0.02f)).build());
    positionEmbedding = addParameter(Parameter.builder().setName("position_embedding")
        .setType(Parameter.Type.WEIGHT).optShape(new Shape(context, dim))
        .optInitializer(new NormalInitializer(0.02f)).build());
    layers = new PreLnTransformerBlock[b.layers];
    for (int i = 0; i < b.layers; i++) {
      layers[i] = addChildBlock("layer" + i, new PreLnTransformerBlock(dim, b.heads));
    }
    finalNorm = addChildBlock("ln_f", LayerNorm.builder().axis(2).build());
    head = addChildBlock("head", Linear.builder().setUnits(vocab).build());
  }

  public static Builder builder() {
    return new Builder();
  }

  public int vocab() {
    return vocab;
  }

  public int context() {
    return context;
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                   PairList<String, Object> params) {
    NDArray tokens = inputs.singletonOrThrow();
    long t = tokens.getShape().get(1);
    if (t > context) {
      throw new IllegalArgumentException("sequence of " + t + " tokens exceeds the context of " + context);
    }
    NDArray tok = store.getValue(tokenEmbedding, tokens.getDevice(), training);
    NDArray pos = store.getValue(positionEmbedding, tokens.getDevice(), training);
    // Indexing a parameter yields arrays owned by the parameter's (the model's) manager; without re-attaching
    // them to the input's manager, every step's activation graph would live until the model is closed.
    NDArray embedded = tok.get(tokens.toType(DataType.INT64, false));
    NDArray positions = pos.get("0:" + t);
    embedded.attach(tokens.getManager());
    positions.attach(tokens.getManager());
    NDArray x = embedded.add(positions);
    for (PreLnTransformerBlock layer : layers) {
      x = layer.forward(store, new NDList(x), training).singletonOrThrow();
    }
    x = finalNorm.forward(store, new NDList(x), training).singletonOrThrow();
    return head.forward(store, new NDList(x), training);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape hidden = new Shape(inputShapes[0].get(0), inputShapes[0].get(1), dim);
    for (PreLnTransformerBlock layer : layers) {
      layer.initialize(manager, dataType, hidden);
    }
    finalNorm.initialize(manager, dataType, hidden);
    head.initialize(manager, dataType, hidden);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[0].get(1), vocab)};
  }

  /** Builder: {@code setVocab}/{@code setContext} required; width 128, 2 layers, 4 heads by default. */
  public static final class Builder {
    private int vocab;
    private int context;
    private int dim = 128;
    private int layers = 2;
    private int heads = 4;

    public Builder setVocab(int vocab) {
      this.vocab = vocab;
      return this;
    }

    public Builder setContext(int context) {
      this.context = context;
      return this;
    }

    public Builder optDim(int dim) {
      this.dim = dim;
      return this;
    }

    public Builder optLayers(int layers) {
      this.layers = layers;
      return this;
    }

    public Builder optHeads(int heads) {
      this.heads = heads;
      return this;
    }

    public TinyGpt build() {
      if (vocab < 2 || context < 1) {
        throw new IllegalArgumentException("vocab and context are required");
      }
      return new TinyGpt(this);
    }
  }
}
