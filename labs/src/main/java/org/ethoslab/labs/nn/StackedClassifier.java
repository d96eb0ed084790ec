package org.ethoslab.labs.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * M independent classifiers (logistic regression, or one hidden ReLU layer) held as stacked weights and run with one
 * batched matrix product: input (M, N, D) — or (1, N, D) shared by all — gives logits (M, N, C). Training M small
 * models this way costs about as much as training one, because below ~1M parameters a DJL step is dominated by
 * per-operation overhead, not arithmetic. Each model's parameters and gradients stay independent of the others'.
 */
public final class StackedClassifier extends AbstractBlock {
  private static final byte VERSION = 1;

  private final int models;
  private final int hidden;
  private final int classes;
  private final Parameter hiddenWeight;
  private final Parameter hiddenBias;
  private final Parameter outWeight;
  private final Parameter outBias;

  /** {@code hidden == 0} makes each model a logistic regression. */
  public StackedClassifier(int models, int hidden, int classes) {
    super(VERSION);
    if (models < 1 || hidden < 0 || classes < 2) {
      throw new IllegalArgumentException("need models >= 1, hidden >= 0, classes >= 2");
    }
    this.models = models;
    this.hidden = hidden;
    this.classes = classes;
    Initializer fanIn = (manager, shape, dataType) ->
        manager.randomNormal(0f, (float) (1 / Math.sqrt(shape.get(1))), shape, dataType);
    if (hidden > 0) {
      hiddenWeight = addParameter(Parameter.builder().setName("hidden_weight").setType(Parameter.Type.WEIGHT)
          .optInitializer(fanIn).build());
      hiddenBias = addParameter(Parameter.builder().setName("hidden_bias").setType(Parameter.Type.BIAS)
          .build());
    } else {
      hiddenWeight = null;
      hiddenBias = null;
    }
    outWeight = addParameter(Parameter.builder().setName("out_weight").setType(Parameter.Type.WEIGHT)
        .optInitializer(fanIn).build());
    outBias = addParameter(Parameter.builder().setName("out_bias").setType(Parameter.Type.BIAS).build());
  }

  public int models() {
    return models;
  }

  @Override
  protected void prepare(Shape[] inputShapes) {
    long dim = inputShapes[0].get(2);
    if (hidden > 0) {
      hiddenWeight.setShape(new Shape(models, dim, hidden));
      hiddenBias.setShape(new Shape(models, 1, hidden));
      outWeight.setShape(new Shape(models, hidden, classes));
    } else {
      outWeight.setShape(new Shape(models, dim, classes));
    }
    outBias.setShape(new Shape(models, 1, classes));
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                   PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    if (hidden > 0) {
      x = x.matMul(store.getValue(hiddenWeight, x.getDevice(), training))
          .add(store.getValue(hiddenBias, x.getDevice(), training));
      x = Activation.relu(x);
    }
    NDArray logits = x.matMul(store.getValue(outWeight, x.getDevice(), training))
        .add(store.getValue(outBias, x.getDevice(), training));
    return new NDList(logits);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(models, inputShapes[0].get(1), classes)};
  }

  /** Initialises for inputs of width {@code dim}. */
  public void initialize(ai.djl.ndarray.NDManager manager, long dim) {
    initialize(manager, DataType.FLOAT32, new Shape(models, 1, dim));
  }
}
