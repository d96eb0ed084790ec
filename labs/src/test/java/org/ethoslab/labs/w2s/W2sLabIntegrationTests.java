package org.ethoslab.labs.w2s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.ethoslab.contract.ContractJson;
import org.ethoslab.contract.job.JobInput;
import org.ethoslab.contract.lab.Evaluation;
import org.ethoslab.labs.core.Artifacts;
import org.ethoslab.labs.testsupport.LabRuns;
import org.ethoslab.contract.job.LabExit;
import org.ethoslab.labs.core.LabFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reduced W2S job end to end: real MiniLM embeddings, real DJL training, trusted evaluation of the artifacts. */
class W2sLabIntegrationTests {
  private static final String STUDENT_HARD_VOTE = """
      public class HardVote implements org.ethoslab.hooks.w2s.Voting {
        public double[] combine(double[][] p) {
          int[] votes = new int[p[0].length];
          for (double[] t : p) {
            int best = 0;
            for (int c = 1; c < t.length; c++) if (t[c] > t[best]) best = c;
            votes[best]++;
          }
          int win = 0;
          for (int c = 1; c < votes.length; c++) if (votes[c] > votes[win]) win = c;
          double[] out = new double[p[0].length];
          out[win] = 1;
          return out;
        }
      }
      """;

  private static final String STUDENT_SOFT_VOTE = """
      public class SoftVote implements org.ethoslab.hooks.w2s.Voting {
        public double[] combine(double[][] p) {
          double[] out = new double[p[0].length];
          for (double[] t : p) for (int c = 0; c < out.length; c++) out[c] += t[c];
          for (int c = 0; c < out.length; c++) out[c] /= p.length;
          return out;
        }
      }
      """;

  @TempDir
  Path dir;

  private final W2sLab lab = new W2sLab();

  private JobInput job(String voting, boolean withHook) throws Exception {
    String hooks = withHook ? ",\"hooks\":{\"HardVote\":" + ContractJson.MAPPER.writeValueAsString(STUDENT_HARD_VOTE)
        + ",\"SoftVote\":" + ContractJson.MAPPER.writeValueAsString(STUDENT_SOFT_VOTE) + "}" : "";
    return JobInput.parse(ContractJson.MAPPER.readTree("{\"lab\":\"w2s\",\"seed\":7,\"params\":{\"task\":\"safety\","
        + "\"numSeeds\":2,\"numTeachers\":3,\"voting\":\"" + voting + "\",\"trainSize\":400,"
        + "\"testSize\":200,\"strongSteps\":80}" + hooks + ",\"hidden\":{\"evalSeed\":99}}"));
  }

  private String run(JobInput job, Path out) throws Exception {
    return LabRuns.run(lab, job, out);
  }

  @Test
  void reducedJobRunsEndToEndAndIsReproducible() throws Exception {
    JobInput job = job("hard", true);
    Path out = dir.resolve("out");
    String events = run(job, out);
    for (String line : events.lines().toList()) {
      JsonNode e = ContractJson.MAPPER.readTree(line);
      assertThat(e.get("type").asText()).isIn("phase", "progress", "log", "metric");
    }
    assertThat(events).contains("\"name\":\"loss/w2s\"", "\"series\":\"seed-2\"", "\"phase\":\"training\"");
    assertThat(new Artifacts(out).totalBytes()).isLessThan(Artifacts.MAX_TOTAL_BYTES);

    Evaluation eval = LabRuns.evaluate(lab, job, out);
    Map<String, Double> m = eval.metrics();
    assertThat(m).containsKeys("acc.weak", "acc.w2s", "acc.ceiling", "pgr.median", "pgr.ciLow", "pgr.ciHigh",
        "hooks.agreement");
    assertThat(m.get("acc.ceiling")).isGreaterThan(m.get("acc.weak"));
    assertThat(m.get("hooks.agreement")).isEqualTo(1.0);
    assertThat(eval.perSeed()).hasSize(2);
    assertThat(eval.checks()).extracting(Evaluation.CheckResult::id).containsExactly("hooks-match",
        "pgr-positive");
    assertThat(eval.maxScore()).isEqualTo(100.0);
    assertThat(eval.checks().get(0).reason()).endsWith("1.00 ≥ 1.00");

    // same seed → the same parameters and the same evaluation, bit for bit
    Path again = dir.resolve("again");
    run(job, again);
    assertThat(Files.readAllBytes(again.resolve(W2sArtifacts.W2S)))
        .isEqualTo(Files.readAllBytes(out.resolve(W2sArtifacts.W2S)));
    assertThat(Files.readAllBytes(again.resolve(W2sArtifacts.MANIFEST)))
        .isEqualTo(Files.readAllBytes(out.resolve(W2sArtifacts.MANIFEST)));
    assertThat(ContractJson.MAPPER.writeValueAsString(LabRuns.evaluate(lab, job, again)))
        .isEqualTo(ContractJson.MAPPER.writeValueAsString(eval));

    // A corrupted size field is refused with a message, before anything is allocated for it.
    byte[] teachers = Files.readAllBytes(again.resolve(W2sArtifacts.TEACHERS));
    int firstDimension = 4 + 4 + 2 + ((teachers[8] & 0xff) << 8 | teachers[9] & 0xff) + 1;
    java.nio.ByteBuffer.wrap(teachers).putLong(firstDimension, Integer.MAX_VALUE);
    Files.write(again.resolve(W2sArtifacts.TEACHERS), teachers);
    assertThatThrownBy(() -> LabRuns.evaluate(lab, job, again))
        .isInstanceOfSatisfying(LabFailure.class, f -> {
          assertThat(f.kind()).isEqualTo(LabExit.BAD_INPUT);
          assertThat(f.getMessage()).contains("teachers.params", "implausible dimension 2147483647");
        });
    java.nio.ByteBuffer.wrap(teachers).putLong(firstDimension, 5_000);
    Files.write(again.resolve(W2sArtifacts.TEACHERS), teachers);
    assertThatThrownBy(() -> LabRuns.evaluate(lab, job, again)).isInstanceOf(LabFailure.class)
        .hasMessageContaining("the file ends before them");
    Files.write(again.resolve(W2sArtifacts.TEACHERS), java.util.Arrays.copyOf(teachers, 100));
    assertThatThrownBy(() -> LabRuns.evaluate(lab, job, again)).isInstanceOf(LabFailure.class)
        .hasMessageContaining("teachers.params");
  }
}
