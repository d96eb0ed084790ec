package org.ethoslab.labs.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One pre-LayerNorm transformer layer as in GPT-2 (Radford et al. 2019; Xiong et al. 2020):
 * x + Attn(LN(x)), then x + MLP(LN(x)) with a 4× GELU MLP. DJL's own TransformerEncoderBlock is post-norm with
 * BatchNorm, hence this block. LayerNorm runs over the feature axis only (axis 2), per token.
 */
final class PreLnTransformerBlock extends AbstractBlock {
  private final LayerNorm ln1;
  private final CausalSelfAttention attention;
  private final LayerNorm ln2;
  private final Linear up;
  private final Linear down;

  PreLnTransformerBlock(int dim, int heads) {
    ln1 = addChildBlock("ln1", LayerNorm.builder().axis(2).build());
    attention = addChildBlock("attn", new CausalSelfAttention(dim, heads));
    ln2 = addChildBlock("ln2", LayerNorm.builder().axis(2).build());
    up = addChildBlock("mlp_up", Linear.builder().setUnits(4L * dim).build());
    down = addChildBlock("mlp_down", Linear.builder().setUnits(dim).build());
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                   PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDArray a = attention.forward(store, ln1.forward(store, new NDList(x), training), training)
        .singletonOrThrow();
    x = x.add(a);
    NDArray h = up.forward(store, ln2.forward(store, new NDList(x), training), training).singletonOrThrow();
    NDArray m = down.forward(store, new NDList(Activation.gelu(h)), training).singletonOrThrow();
    return new NDList(x.add(m));
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape s = inputShapes[0];
    ln1.initialize(manager, dataType, s);
    attention.initialize(manager, dataType, s);
    ln2.initialize(manager, dataType, s);
    up.initialize(manager, dataType, s);
    down.initialize(manager, dataType, new Shape(s.get(0), s.get(1), s.get(2) * 4));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
