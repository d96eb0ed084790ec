package org.ethoslab.labs.merging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ethoslab.contract.ContractJson;
import org.ethoslab.contract.job.JobInput;
import org.ethoslab.contract.job.LabExit;
import org.ethoslab.contract.lab.Evaluation;
import org.ethoslab.labs.core.Artifacts;
import org.ethoslab.labs.core.LabFailure;
import org.ethoslab.labs.lm.ModelCache;
import org.ethoslab.labs.testsupport.LabRuns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reduced MergeAlign job end to end on the deliberately tiny model set, built into a temporary model cache: a cold
 * run builds the models and says so, a warm run only loads them; the trusted phase scores the artifacts; student
 * hooks are compiled and checked on the probes.
 */
class MergeAlignLabIntegrationTests {
  /** A correct task-arithmetic hook written the way a student might. */
  private static final String STUDENT_TASK_ARITHMETIC = """
      import java.util.*;
      import org.ethoslab.hooks.ParameterTree;
      import org.ethoslab.hooks.merging.MergeSettings;
      public class TaskArithmetic implements org.ethoslab.hooks.merging.MergeMethod {
        public ParameterTree merge(ParameterTree base, List<ParameterTree> models, MergeSettings s) {
          for (ParameterTree m : models) base.requireSameLayout(m, "model");
          Map<String, ParameterTree.Tensor> out = new LinkedHashMap<>();
          for (String name : base.names()) {
            float[] b = base.get(name).values();
            float[] v = new float[b.length];
            for (int j = 0; j < b.length; j++) {
              double sum = 0;
              for (int i = 0; i < models.size(); i++) {
                sum += s.weight(i) * (models.get(i).get(name).values()[j] - b[j]);
              }
              v[j] = (float) (b[j] + s.lambda() * sum);
            }
            out.put(name, base.get(name).withValues(v));
          }
          return new ParameterTree(out);
        }
      }
      """;

  @TempDir
  static Path cache;
  private static String previousCache;

  @TempDir
  Path dir;

  private final MergeAlignLab lab = new MergeAlignLab();

  @BeforeAll
  static void useTemporaryCache() {
    previousCache = System.getProperty(ModelCache.PROPERTY);
    System.setProperty(ModelCache.PROPERTY, cache.toString());
  }

  @AfterAll
  static void restoreCache() {
    if (previousCache == null) {
      System.clearProperty(ModelCache.PROPERTY);
    } else {
      System.setProperty(ModelCache.PROPERTY, previousCache);
    }
  }

  private JobInput job(String method, Map<String, String> hooks) throws Exception {
    return JobInput.parse(ContractJson.MAPPER.readTree("{\"lab\":\"mergealign\",\"seed\":3,\"params\":{\"method\":\""
        + method + "\",\"models\":\"tiny\",\"sweepPoints\":2,\"evalQuestions\":20,\"evalPrompts\":10},"
        + "\"hooks\":" + ContractJson.MAPPER.writeValueAsString(hooks) + ",\"hidden\":{\"evalSeed\":77}}"));
  }

  private String run(JobInput job, Path out) throws Exception {
    return LabRuns.run(lab, job, out);
  }

  private Evaluation evaluate(JobInput job, Path out) throws Exception {
    return LabRuns.evaluate(lab, job, out);
  }

  @Test
  void coldThenWarmJobRunsEndToEnd() throws Exception {
    JobInput job = job("task_arithmetic", Map.of("TaskArithmetic", STUDENT_TASK_ARITHMETIC));
    Path out = dir.resolve("cold");
    String cold = run(job, out);
    for (String line : cold.lines().toList()) {
      assertThat(ContractJson.MAPPER.readTree(line).get("type").asText()).isIn("phase", "progress", "log", "metric");
    }
    assertThat(cold).contains("not in cache: building it", "using the student implementation");
    String warm = run(job, dir.resolve("warm"));
    assertThat(warm).contains("loaded from cache").doesNotContain("building it");
    assertThat(Files.readAllBytes(dir.resolve("warm").resolve(MergeAlignArtifacts.MERGED)))
        .isEqualTo(Files.readAllBytes(out.resolve(MergeAlignArtifacts.MERGED)));
    assertThat(new Artifacts(out).totalBytes()).isLessThan(Artifacts.MAX_TOTAL_BYTES);

    Evaluation eval = evaluate(job, out);
    Map<String, Double> m = eval.metrics();
    assertThat(m).containsKeys("base.domain", "domain.domain", "aligned.safety", "merged.overRefusal",
        "ties.signConflictShare", "hooks.TaskArithmetic.agreement");
    assertThat(m.get("hooks.TaskArithmetic.agreement")).isEqualTo(1.0);
    // the other four hooks were not submitted: they run as references but earn no agreement
    assertThat(m.get("hooks.Ties.agreement")).isZero();
    assertThat(m.get("hooks.agreement")).isZero();
    for (String model : List.of("base", "domain", "aligned", "merged")) {
      assertThat(m.get(model + ".domain")).isBetween(0.0, 1.0);
      assertThat(m.get(model + ".safety")).isBetween(0.0, 1.0);
    }
    assertThat(eval.checks()).extracting(Evaluation.CheckResult::id)
        .containsExactly("hooks-match", "domain-kept", "safe");
    JsonNode sweep = ContractJson.MAPPER.valueToTree(eval.charts().get("sweep"));
    assertThat(sweep.get("knob").asText()).isEqualTo("lambda");
    assertThat(sweep.get("values")).hasSize(2);
    assertThat(sweep.get("paretoFront").size()).isGreaterThanOrEqualTo(1);
    // The trusted phase is deterministic: same artifacts, same numbers.
    assertThat(evaluate(job, out).metrics())
        .isEqualTo(m);
  }

  @Test
  void aHookThatSkipsTheShapeCheckLosesTheProbesAndBadHooksAreTypedFailures() throws Exception {
    String noCheck = STUDENT_TASK_ARITHMETIC.replace("for (ParameterTree m : models) base.requireSameLayout("
        + "m, \"model\");", "");
    JobInput job = job("mergealign", Map.of("TaskArithmetic", noCheck));
    Path out = dir.resolve("nocheck");
    run(job, out);
    Evaluation eval = evaluate(job, out);
    assertThat(eval.metrics().get("hooks.TaskArithmetic.agreement")).isLessThan(1.0);
    assertThat(eval.checks().get(0).passed()).isFalse();

    assertThatThrownBy(() -> run(job("ties", Map.of("Ties", "public class Ties {")), dir.resolve("c")))
        .isInstanceOfSatisfying(LabFailure.class, f -> assertThat(f.kind())
            .isEqualTo(LabExit.COMPILE_ERROR));
    assertThatThrownBy(() -> run(job("ties", Map.of("Merge", "public class Merge {}")), dir.resolve("u")))
        .isInstanceOfSatisfying(LabFailure.class, f -> assertThat(f.getMessage())
            .contains("hooks.Merge", "unknown hook"));
    String returnsNull = STUDENT_TASK_ARITHMETIC.replace("return new ParameterTree(out);", "return null;");
    assertThatThrownBy(() -> run(job("task_arithmetic", Map.of("TaskArithmetic", returnsNull)), dir.resolve("n")))
        .isInstanceOfSatisfying(LabFailure.class, f -> assertThat(f.kind())
            .isEqualTo(LabExit.STUDENT_CODE_FAILED));
  }

  @Test
  void evaluationRefusesArtifactsOfAnotherJob() throws Exception {
    JobInput job = job("slerp", Map.of());
    Path out = dir.resolve("slerp");
    run(job, out);
    JobInput other = job("ties", Map.of());
    assertThatThrownBy(() -> evaluate(other, out))
        .isInstanceOfSatisfying(LabFailure.class, f -> assertThat(f.getMessage())
            .contains("manifest.json describes method slerp"));
    Files.write(out.resolve(MergeAlignArtifacts.MERGED), new byte[] {1, 2, 3});
    assertThatThrownBy(() -> evaluate(job, out))
        .isInstanceOfSatisfying(LabFailure.class, f -> assertThat(f.getMessage()).contains("merged.bin"));
  }
}
