package org.ethoslab.labs.prefopt;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import java.io.IOException;
import org.ethoslab.labs.nn.BlockParameters;
import org.ethoslab.labs.nn.TinyGpt;

/**
 * A tiny GPT over the lab's {@link Vocabulary}: fresh (seeded) or loaded from parameter bytes; forward passes without
 * gradient for scoring; a manual optimiser step for training (the trainer collects gradients itself).
 */
final class PolicyModel implements AutoCloseable {
  private final Model model;
  private final TinyGpt block;
  private final Vocabulary vocab;
  private final ModelShape shape;

  private PolicyModel(Model model, TinyGpt block, Vocabulary vocab, ModelShape shape) {
    this.model = model;
    this.block = block;
    this.vocab = vocab;
    this.shape = shape;
  }

  private static TinyGpt block(ModelShape shape, int vocab) {
    return TinyGpt.builder().setVocab(vocab).setContext(shape.context()).optDim(shape.dim())
        .optLayers(shape.layers()).optHeads(shape.heads()).build();
  }

  static PolicyModel create(String name, ModelShape shape, Vocabulary vocab, long seed) {
    Model model = Model.newInstance(name, Device.cpu(), "PyTorch");
    TinyGpt block = block(shape, vocab.size());
    model.setBlock(block);
    Engine.getEngine("PyTorch").setRandomSeed((int) (seed & 0x7fffffff));
    block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, shape.context()));
    return new PolicyModel(model, block, vocab, shape);
  }

  static PolicyModel load(String name, ModelShape shape, Vocabulary vocab, byte[] parameters) throws IOException {
    Model model = Model.newInstance(name, Device.cpu(), "PyTorch");
    TinyGpt block = block(shape, vocab.size());
    model.setBlock(block);
    block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, shape.context()));
    try {
      BlockParameters.load(block, parameters, name);
    } catch (IOException | RuntimeException e) {
      model.close();
      throw new IOException("parameters do not fit a tiny GPT of shape " + shape + " and vocabulary "
          + vocab.size() + ": " + e.getMessage(), e);
    }
    return new PolicyModel(model, block, vocab, shape);
  }

  byte[] parameterBytes() throws IOException {
    return BlockParameters.bytes(block);
  }

  Model model() {
    return model;
  }

  Vocabulary vocab() {
    return vocab;
  }

  ModelShape shape() {
    return shape;
  }

  NDManager manager() {
    return model.getNDManager();
  }

  /**
   * Logits (B, T, V) without gradient, in {@code scope}. The parameter store copies the parameters into the scope:
   * TinyGpt's embedding lookup otherwise attaches its (B, T, D) result to the model's manager, where it stays
   * until the model closes (measured: several GB over one evaluation).
   */
  NDArray logits(NDManager scope, NDArray tokens) {
    return block.forward(new ParameterStore(scope, true), new NDList(tokens), false).singletonOrThrow();
  }

  /**
   * Logits with gradient recording (call inside a {@code GradientCollector}). The copies the store makes are
   * differentiable, so gradients still reach the parameters (same curves bit for bit), and nothing of a step
   * outlives its scope: with the model's own arrays each step's graph stayed alive (GBs, and ~10× slower).
   */
  NDArray trainingLogits(NDManager scope, NDArray tokens) {
    return block.forward(new ParameterStore(scope, true), new NDList(tokens), true).singletonOrThrow();
  }

  /** Summed reply log-probabilities of each row, without gradient. */
  double[] replyLogProbs(Sequences s, int batch) {
    double[] out = new double[s.rows];
    for (int start = 0; start < s.rows; start += batch) {
      Sequences part = s.slice(start, Math.min(s.rows, start + batch));
      try (NDManager scope = manager().newSubManager()) {
        float[] lp = Sequences.replyLogProbs(logits(scope, part.inputs(scope)), part.targets(scope),
            part.mask(scope)).toFloatArray();
        for (int i = 0; i < lp.length; i++) {
          out[start + i] = lp[i];
        }
      }
    }
    return out;
  }

  /** Makes every parameter record gradients (before the first training step). */
  void requireGradients() {
    block.getParameters().forEach(p -> p.getValue().getArray().setRequiresGradient(true));
  }

  /** One optimiser step over all parameters, then clears their gradients. */
  void step(Optimizer optimizer) {
    for (var entry : block.getParameters()) {
      NDArray weight = entry.getValue().getArray();
      NDArray grad = weight.getGradient();
      optimizer.update(entry.getValue().getId(), weight, grad);
      grad.muli(0);
      grad.close();
    }
  }

  @Override
  public void close() {
    model.close();
  }
}
