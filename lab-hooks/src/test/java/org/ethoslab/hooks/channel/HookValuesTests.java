package org.ethoslab.hooks.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.ethoslab.contract.hook.HookProtocolException;
import org.ethoslab.hooks.ParameterTree;
import org.ethoslab.hooks.merging.MergeMethod;
import org.ethoslab.hooks.merging.MergeSettings;
import org.ethoslab.hooks.prefopt.LossTerms;
import org.ethoslab.hooks.prefopt.PreferenceLoss;
import org.ethoslab.hooks.w2s.Voting;
import org.junit.jupiter.api.Test;

class HookValuesTests {

  private static byte[] encode(Object value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    HookValues.write(new DataOutputStream(bytes), value);
    return bytes.toByteArray();
  }

  private static Object roundTrip(Object value, java.lang.reflect.Type type) throws Exception {
    ByteBuffer in = ByteBuffer.wrap(encode(value));
    Object back = HookValues.read(in, type);
    assertThat(in.remaining()).as("every byte read").isZero();
    return back;
  }

  @Test
  void everyTypeOfTheLabsHookInterfacesRoundTrips() throws Exception {
    double[][] probs = {{0.25, 0.75}, {0.5, 0.5}, {1.0, 0.0}};
    assertThat((double[][]) roundTrip(probs, double[][].class)).isDeepEqualTo(probs);
    ParameterTree tree = ParameterTree.of(List.of("a", "b"), List.of(
        new ParameterTree.Tensor(new long[] {2, 2}, new float[] {1, 2, 3, 4}),
        new ParameterTree.Tensor(new long[] {3}, new float[] {-1, Float.NaN, 0.5f})));
    ParameterTree back = (ParameterTree) roundTrip(tree, ParameterTree.class);
    assertThat(back.names()).containsExactly("a", "b");
    assertThat(back.get("b").values()).containsExactly(-1, Float.NaN, 0.5f);
    assertThat(back.get("a").shape()).containsExactly(2, 2);
    Method merge = HookMethods.of(MergeMethod.class);
    @SuppressWarnings("unchecked")
    List<ParameterTree> models = (List<ParameterTree>) roundTrip(List.of(tree, tree),
        merge.getGenericParameterTypes()[1]);
    assertThat(models).hasSize(2);
    MergeSettings settings = new MergeSettings(0.4, new double[] {1.2, 0.9}, 1.1, 0.6, true, 0.3, 77L);
    assertThat(roundTrip(settings, MergeSettings.class)).isEqualTo(settings);
    assertThat(roundTrip(new LossTerms(0.69, -0.5, 0.5), LossTerms.class)).isEqualTo(new LossTerms(0.69, -0.5, 0.5));
    assertThat(roundTrip(null, double[].class)).isNull();
    assertThat(roundTrip(7, int.class)).isEqualTo(7);
  }

  @Test
  void theLabsHookInterfacesAreChannelSafe() {
    assertThat(HookMethods.of(Voting.class).getName()).isEqualTo("combine");
    assertThat(HookMethods.of(MergeMethod.class).getName()).isEqualTo("merge");
    assertThat(HookMethods.of(PreferenceLoss.class).getName()).isEqualTo("loss");
    assertThatThrownBy(() -> HookMethods.of(Map.class)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HookMethods.of(Runnable.class)).hasMessageContaining("returns a void");
  }

  @Test
  void forgedLengthsAreRefusedWithoutAllocating() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeByte(8); // FLOATS
    out.writeInt(Integer.MAX_VALUE);
    assertThatThrownBy(() -> HookValues.read(ByteBuffer.wrap(bytes.toByteArray()), float[].class))
        .isInstanceOf(HookProtocolException.class).hasMessageContaining("elements in 0 remaining bytes");
    assertThatThrownBy(() -> HookValues.read(ByteBuffer.wrap(encode("text")), double[].class))
        .isInstanceOf(HookProtocolException.class).hasMessageContaining("expected a double[]");
    assertThatThrownBy(() -> HookValues.read(ByteBuffer.wrap(encode(null)), double.class))
        .hasMessageContaining("null where a double was expected");
    byte[] truncated = encode(new double[] {1, 2, 3});
    assertThatThrownBy(() -> HookValues.read(ByteBuffer.wrap(truncated, 0, truncated.length - 3), double[].class))
        .isInstanceOf(HookProtocolException.class);
  }

  @Test
  void aTensorWhoseShapeDoesNotFitItsValuesIsRefused() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeByte(12);
    out.writeInt(2);
    HookValues.write(out, new long[] {5});
    HookValues.write(out, new float[] {1, 2});
    assertThatThrownBy(() -> HookValues.read(ByteBuffer.wrap(bytes.toByteArray()), ParameterTree.Tensor.class))
        .isInstanceOf(HookProtocolException.class).hasMessageContaining("not a valid Tensor");
  }
}
