package org.ethoslab.labs.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Multi-head causal self-attention (Vaswani et al. 2017) with one fused QKV projection: (B, T, D) → (B, T, D).
 * Position t attends to positions ≤ t via an additive −1e9 mask above the diagonal; no dropout, so a forward pass
 * is deterministic.
 */
final class CausalSelfAttention extends AbstractBlock {
  private final int heads;
  private final int dim;
  private final Linear qkv;
  private final Linear proj;

  CausalSelfAttention(int dim, int heads) {
    if (dim % heads != 0) {
      throw new IllegalArgumentException("model width " + dim + " is not divisible by " + heads + " heads");
    }
    this.dim = dim;
    this.heads = heads;
    this.qkv = addChildBlock("qkv", Linear.builder().setUnits(3L * dim).build());
    this.proj = addChildBlock("proj", Linear.builder().setUnits(dim).build());
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                   PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    long b = x.getShape().get(0);
    long t = x.getShape().get(1);
    long hd = dim / heads;
    NDArray fused = qkv.forward(store, new NDList(x), training).singletonOrThrow();
    NDList parts = fused.split(3, 2);
    NDArray q = parts.get(0).reshape(b, t, heads, hd).transpose(0, 2, 1, 3);
    NDArray k = parts.get(1).reshape(b, t, heads, hd).transpose(0, 2, 1, 3);
    NDArray v = parts.get(2).reshape(b, t, heads, hd).transpose(0, 2, 1, 3);
    // Not div(Number): DJL closes that scalar as soon as the division returns, but autograd reads it again in
    // backward, and its borrowed direct-buffer memory could be collected in between — q and k then got garbage
    // gradients now and then, so trained weights depended on GC timing. The input's manager keeps this one alive.
    NDArray scale = x.getManager().create(Math.sqrt(hd));
    NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).div(scale).add(causalMask(x.getManager(), t));
    NDArray attended = scores.softmax(-1).matMul(v).transpose(0, 2, 1, 3).reshape(b, t, dim);
    return proj.forward(store, new NDList(attended), training);
  }

  /** (T, T) with −1e9 where column &gt; row, 0 elsewhere; broadcast over batch and heads. */
  static NDArray causalMask(NDManager manager, long t) {
    float[] mask = new float[(int) (t * t)];
    for (int row = 0; row < t; row++) {
      for (int col = row + 1; col < t; col++) {
        mask[(int) (row * t + col)] = -1e9f;
      }
    }
    return manager.create(mask, new Shape(t, t));
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    qkv.initialize(manager, dataType, inputShapes[0]);
    proj.initialize(manager, dataType, inputShapes[0]);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
