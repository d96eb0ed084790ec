package org.ethoslab.labs.nn;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Trained stacked classifiers: probabilities per model, parameter access by name, save/load as bytes. */
public final class StackedModels implements AutoCloseable {
  private final Model model;
  private final StackedClassifier block;
  private final int inputDim;
  private final int classes;

  StackedModels(Model model, StackedClassifier block, int inputDim, int classes) {
    this.model = model;
    this.block = block;
    this.inputDim = inputDim;
    this.classes = classes;
  }

  /** Rebuilds models from {@link #parameterBytes()} into a fresh block of the same architecture. */
  public static StackedModels load(String name, StackedClassifier block, int inputDim, int classes,
                   byte[] parameters, Device device) throws IOException {
    Model model = Model.newInstance(name, device, "PyTorch");
    model.setBlock(block);
    block.initialize(model.getNDManager(), inputDim);
    try {
      BlockParameters.load(block, parameters, name);
    } catch (IOException | RuntimeException e) {
      model.close();
      throw new IOException("parameters do not fit " + block.models() + " stacked models of input width "
          + inputDim + ": " + e.getMessage(), e);
    }
    return new StackedModels(model, block, inputDim, classes);
  }

  /** Softmax probabilities [model][row][class] of every model on the same rows. */
  public float[][][] predictProba(float[][] features) {
    int m = block.models();
    try (NDManager scope = model.getNDManager().newSubManager()) {
      NDArray x = scope.create(Arrays3.flatten(features), new Shape(1, features.length, inputDim));
      NDArray logits = block.forward(new ParameterStore(scope, false), new NDList(x), false)
          .singletonOrThrow();
      float[] flat = logits.softmax(2).toFloatArray();
      float[][][] out = new float[m][features.length][classes];
      for (int k = 0; k < m; k++) {
        for (int i = 0; i < features.length; i++) {
          System.arraycopy(flat, (k * features.length + i) * classes, out[k][i], 0, classes);
        }
      }
      return out;
    }
  }

  /** Parameter arrays by name ({@code out_weight}, {@code out_bias}, …) as flat float copies. */
  public Map<String, float[]> parameters() {
    Map<String, float[]> out = new LinkedHashMap<>();
    block.getParameters().forEach(p -> out.put(p.getKey(), p.getValue().getArray().toFloatArray()));
    return out;
  }

  /** The block's parameters as a {@link org.ethoslab.hooks.ParameterTree} file (what goes into an artifact). */
  public byte[] parameterBytes() throws IOException {
    return BlockParameters.bytes(block);
  }

  @Override
  public void close() {
    model.close();
  }
}
