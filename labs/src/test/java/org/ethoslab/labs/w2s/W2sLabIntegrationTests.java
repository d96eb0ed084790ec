package org.ethoslab.labs.w2s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.ethoslab.labs.core.Artifacts;
import org.ethoslab.labs.core.EventSink;
import org.ethoslab.labs.core.Evaluation;
import org.ethoslab.labs.core.JobInput;
import org.ethoslab.labs.core.Json;
import org.ethoslab.labs.core.LabContext;
import org.ethoslab.labs.core.Params;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reduced W2S job end to end: real MiniLM embeddings, real DJL training, trusted evaluation of the artifacts. */
class W2sLabIntegrationTests {
    private static final String STUDENT_HARD_VOTE = """
            public class HardVote implements org.ethoslab.labs.w2s.Voting {
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

    @TempDir
    Path dir;

    private final W2sLab lab = new W2sLab();

    private JobInput job(String voting, boolean withHook) throws Exception {
        String hooks = withHook ? ",\"hooks\":{\"HardVote\":" + Json.MAPPER.writeValueAsString(STUDENT_HARD_VOTE)
                + "}" : "";
        return JobInput.parse(Json.MAPPER.readTree("{\"lab\":\"w2s\",\"seed\":7,\"params\":{\"task\":\"safety\","
                + "\"numSeeds\":2,\"numTeachers\":3,\"voting\":\"" + voting + "\",\"trainSize\":400,"
                + "\"testSize\":200,\"strongSteps\":80}" + hooks + ",\"hidden\":{\"evalSeed\":99}}"));
    }

    private String run(JobInput job, Path out) throws Exception {
        ByteArrayOutputStream events = new ByteArrayOutputStream();
        Files.createDirectories(out);
        Path scratch = Files.createDirectories(out.resolveSibling(out.getFileName() + "-scratch"));
        LabContext ctx = new LabContext(job.seed(), new EventSink(new PrintStream(events, true,
                StandardCharsets.UTF_8)), scratch, out, LabContext.Device.CPU, 1);
        lab.run(job.withoutHidden(), Params.validate(lab.spec(), job.params()), ctx);
        return events.toString(StandardCharsets.UTF_8);
    }

    @Test
    void reducedJobRunsEndToEndAndIsReproducible() throws Exception {
        JobInput job = job("hard", true);
        Path out = dir.resolve("out");
        String events = run(job, out);
        for (String line : events.lines().toList()) {
            JsonNode e = Json.MAPPER.readTree(line);
            assertThat(e.get("type").asText()).isIn("phase", "progress", "log", "metric");
        }
        assertThat(events).contains("\"name\":\"loss/w2s\"", "\"series\":\"seed-2\"", "\"phase\":\"training\"");
        assertThat(new Artifacts(out).totalBytes()).isLessThan(Artifacts.MAX_TOTAL_BYTES);

        Params params = Params.validate(lab.spec(), job.params());
        Evaluation eval = lab.evaluate(job, params, new Artifacts(out));
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
        assertThat(Json.MAPPER.writeValueAsString(lab.evaluate(job, params, new Artifacts(again))))
                .isEqualTo(Json.MAPPER.writeValueAsString(eval));
    }
}
