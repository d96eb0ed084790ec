package org.ethoslab.contract.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class HookFrameTests {

  @Test
  void framesRoundTripAndEndCleanly() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new HookFrame(HookFrame.Kind.CALL, 7, new byte[] {1, 2, 3}).write(bytes);
    HookFrame.lost("the host ran out of memory").write(bytes);
    ByteArrayInputStream in = new ByteArrayInputStream(bytes.toByteArray());
    HookFrame call = HookFrame.read(in, 1024);
    assertThat(call.kind()).isEqualTo(HookFrame.Kind.CALL);
    assertThat(call.callId()).isEqualTo(7);
    assertThat(call.payload()).containsExactly(1, 2, 3);
    assertThat(HookFrame.read(in, 1024).reason()).isEqualTo("the host ran out of memory");
    assertThat(HookFrame.read(in, 1024)).isNull();
  }

  @Test
  void anOverlongOrUnknownFrameIsRefusedBeforeItsPayloadIsRead() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(Integer.MAX_VALUE);
    out.writeByte(3);
    assertThatThrownBy(() -> HookFrame.read(new ByteArrayInputStream(bytes.toByteArray()), 1 << 20))
        .isInstanceOf(HookProtocolException.class).hasMessageContaining("limit is 1048576");
    ByteArrayOutputStream unknown = new ByteArrayOutputStream();
    new DataOutputStream(unknown).writeInt(5);
    unknown.write(99);
    unknown.write(new byte[4]);
    assertThatThrownBy(() -> HookFrame.read(new ByteArrayInputStream(unknown.toByteArray()), 100))
        .isInstanceOf(HookProtocolException.class).hasMessageContaining("unknown frame kind 99");
  }

  @Test
  void loadAndLoadedPayloadsRoundTrip() throws Exception {
    HookSources sources = new HookSources(List.of(new HookSources.Source("SoftVote", "org.example.Voting",
        "public class SoftVote {}")));
    assertThat(HookSources.from(sources.toFrame())).isEqualTo(sources);
    LoadReport report = new LoadReport(LoadReport.Status.COMPILE_ERROR,
        List.of(new LoadReport.Problem("SoftVote.java", 12, "';' expected")));
    assertThat(LoadReport.from(report.toFrame())).isEqualTo(report);
    assertThat(report.problems().get(0).describe()).isEqualTo("SoftVote.java:12: ';' expected");
  }

  @Test
  void theRelayReadsTheHookNameOfACall() throws Exception {
    HookFrame call = HookFrame.of(HookFrame.Kind.CALL, 1, out -> {
      HookFrame.writeText(out, "HardVote");
      out.writeInt(0);
    });
    assertThat(call.callHookName()).isEqualTo("HardVote");
    assertThat(new HookFrame(HookFrame.Kind.CALL, 1, new byte[] {0, 0, 1, 0}).callHookName()).isEqualTo("?");
  }
}
