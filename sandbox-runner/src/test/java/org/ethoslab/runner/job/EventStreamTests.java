package org.ethoslab.runner.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.ethoslab.contract.runner.JobEvent;
import org.junit.jupiter.api.Test;

class EventStreamTests {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void childLinesBecomeNumberedEventsAndPlainTextBecomesLogs() throws Exception {
    List<JobEvent> sent = new ArrayList<>();
    EventStream stream = new EventStream(json, batch -> {
      sent.addAll(batch);
      return batch.get(batch.size() - 1).seq();
    }, 100);
    stream.childLine(false, "{\"type\":\"metric\",\"name\":\"loss\",\"value\":0.5}");
    stream.childLine(false, "{\"type\":\"error\",\"kind\":\"RUNTIME_ERROR\"}");
    stream.childLine(false, "{not json");
    stream.childLine(true, "a warning");
    stream.flush();
    assertThat(sent).extracting(JobEvent::seq).containsExactly(1L, 2L, 3L, 4L);
    assertThat(sent).extracting(JobEvent::type).containsExactly("metric", "log", "log", "log");
    assertThat(sent.get(1).data().path("type").asText()).isEqualTo("error");
    assertThat(sent.get(3).data().path("stream").asText()).isEqualTo("stderr");
  }

  @Test
  void resendsFromWhatTheAppSaysItHas() throws Exception {
    TreeMap<Long, JobEvent> app = new TreeMap<>();
    int[] calls = {0};
    EventStream stream = new EventStream(json, batch -> {
      calls[0]++;
      if (calls[0] == 1) {
        app.put(batch.get(0).seq(), batch.get(0)); // the app stored only the first event of the batch
        return batch.get(0).seq();
      }
      batch.forEach(e -> app.putIfAbsent(e.seq(), e));
      return app.lastKey();
    }, 100);
    for (int i = 0; i < 5; i++) {
      stream.phase("p" + i, "phase " + i);
    }
    stream.flush();
    assertThat(app.keySet()).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(stream.lastSeq()).isEqualTo(5);
  }

  @Test
  void keepsEventsWhenTheAppIsUnreachable() throws Exception {
    boolean[] down = {true};
    List<JobEvent> sent = new ArrayList<>();
    EventStream stream = new EventStream(json, batch -> {
      if (down[0]) {
        throw new IOException("connection refused");
      }
      sent.addAll(batch);
      return batch.get(batch.size() - 1).seq();
    }, 100);
    stream.phase("run", "running");
    stream.flush();
    down[0] = false;
    stream.phase("evaluate", "grading");
    stream.flush();
    assertThat(sent).extracting(JobEvent::seq).containsExactly(1L, 2L);
  }

  @Test
  void dropsEventsPastTheCap() throws Exception {
    EventStream stream = new EventStream(json, batch -> batch.get(batch.size() - 1).seq(), 3);
    for (int i = 0; i < 10; i++) {
      stream.childLine(false, "line " + i);
    }
    assertThat(stream.lastSeq()).isEqualTo(3);
    assertThat(stream.dropped()).isEqualTo(7);
  }
}
