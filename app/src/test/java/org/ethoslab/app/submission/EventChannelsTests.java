package org.ethoslab.app.submission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventChannelsTests {

  @Test
  void theRunnersAndTheLabsEventsKeepTheirType() {
    assertThat(EventChannels.streamName("phase", "{\"phase\":\"run\",\"channel\":\"runner\"}")).isEqualTo("phase");
    assertThat(EventChannels.streamName("progress", "{\"fraction\":0.5,\"channel\":\"lab\"}")).isEqualTo("progress");
  }

  @Test
  void whatStudentCodePrintedIsTheStudentsOutputWhateverItsType() {
    assertThat(EventChannels.streamName("log", "{\"message\":\"hi\",\"channel\":\"student\"}")).isEqualTo("student");
    assertThat(EventChannels.streamName("phase", "{\"phase\":\"evaluate\",\"channel\":\"student\"}"))
        .isEqualTo("student");
  }

  @Test
  void anEventWithoutAChannelCanMoveNothing() {
    assertThat(EventChannels.streamName("phase", "{\"phase\":\"evaluate\",\"source\":\"runner\"}")).isEqualTo("log");
    assertThat(EventChannels.streamName("metric", "not json")).isEqualTo("log");
  }
}
