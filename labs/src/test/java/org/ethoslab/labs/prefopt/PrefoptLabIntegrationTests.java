package org.ethoslab.labs.prefopt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.ethoslab.contract.ContractJson;
import org.ethoslab.contract.job.JobInput;
import org.ethoslab.contract.job.LabExit;
import org.ethoslab.contract.lab.Evaluation;
import org.ethoslab.labs.core.Artifacts;
import org.ethoslab.labs.core.LabFailure;
import org.ethoslab.labs.testsupport.LabRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reduced preference-optimisation job end to end with real DJL training: a deliberately tiny SFT recipe built into
 * a temporary model cache (cold), a second run that only loads it (warm), a student NCA hook, the trusted evaluation.
 */
class PrefoptLabIntegrationTests {
  private static final SftRecipe TINY = new SftRecipe(new ModelShape(32, 1, 2, 48), 400, 0.5, 30, 16, 3e-3, 7);
  private static final String STUDENT_NCA = """
      public class NcaLoss implements org.ethoslab.hooks.prefopt.PreferenceLoss {
        static double sig(double x) { return 1 / (1 + Math.exp(-x)); }
        public org.ethoslab.hooks.prefopt.LossTerms loss(double rw, double rl, int lw, int ll, double b,
                                double e) {
          double a = b * rw, c = b * rl;
          double v = Math.log(1 + Math.exp(-a)) + 0.5 * Math.log(1 + Math.exp(a))
              + 0.5 * Math.log(1 + Math.exp(c));
          return new org.ethoslab.hooks.prefopt.LossTerms(v, b * (-sig(-a) + 0.5 * sig(a)), 0.5 * b * sig(c));
        }
      }
      """;
  private static final String THROWING_DPO = """
      public class DpoLoss implements org.ethoslab.hooks.prefopt.PreferenceLoss {
        public org.ethoslab.hooks.prefopt.LossTerms loss(double rw, double rl, int lw, int ll, double b,
                                double e) {
          throw new IllegalStateException("not yet");
        }
      }
      """;

  @TempDir
  Path dir;

  private JobInput job(String loss, String hookName, String hook) throws Exception {
    String hooks = hook == null ? "" : ",\"hooks\":{\"" + hookName + "\":" + ContractJson.MAPPER.writeValueAsString(hook)
        + "}";
    return JobInput.parse(ContractJson.MAPPER.readTree("{\"lab\":\"prefopt\",\"seed\":3,\"params\":{\"loss\":\"" + loss
        + "\",\"compare\":\"none\",\"steps\":6,\"batchSize\":8,\"pairs\":64,\"evalPrompts\":20,"
        + "\"learningRate\":0.001}" + hooks + ",\"hidden\":{\"evalSeed\":5}}"));
  }

  private String run(PrefoptLab lab, JobInput job, Path out) throws Exception {
    return LabRuns.run(lab, job, out);
  }

  @Test
  void reducedJobRunsColdThenWarmAndIsGradedInTheTrustedPhase() throws Exception {
    Path cache = dir.resolve("cache");
    PrefoptLab lab = new PrefoptLab(TINY, () -> cache);
    JobInput job = job("nca", "NcaLoss", STUDENT_NCA);
    Path out = dir.resolve("out");
    String events = run(lab, job, out);
    for (String line : events.lines().toList()) {
      JsonNode e = ContractJson.MAPPER.readTree(line);
      assertThat(e.get("type").asText()).isIn("phase", "progress", "log", "metric");
    }
    assertThat(events).contains("cold start", "\"name\":\"reward/chosen\"", "\"series\":\"nca\"");
    assertThat(SftCache.folder(cache, TINY).resolve(SftCache.PARAMS)).isRegularFile();
    assertThat(new Artifacts(out).totalBytes()).isLessThan(Artifacts.MAX_TOTAL_BYTES);

    Evaluation eval = LabRuns.evaluate(lab, job, out);
    Map<String, Double> m = eval.metrics();
    assertThat(m).containsKeys("safety", "overRefusal", "capability", "kl", "rw", "rl", "sft.safety",
        "capabilityDrop", "nca.rw");
    assertThat(m.get("hooks.NcaLoss.agreement")).isEqualTo(1.0);
    assertThat(m.get("hooks.DpoLoss.agreement")).as("not submitted").isZero();
    assertThat(m.get("kl")).isPositive();
    assertThat(m.get("safety")).isBetween(0.0, 1.0);
    assertThat(eval.perSeed()).extracting(r -> r.get("model")).containsExactly("sft", "nca");
    assertThat(eval.checks()).extracting(Evaluation.CheckResult::id)
        .containsExactly("hooks-match", "safe", "helpful", "capability-kept");
    assertThat(eval.charts()).containsKeys("safetyVsCapability", "rewardCurves");

    // warm: the cached model is loaded, and the same job gives the same parameters bit for bit
    Path again = dir.resolve("again");
    assertThat(run(lab, job, again)).contains("warm start").doesNotContain("cold start");
    assertThat(Files.readAllBytes(again.resolve(PrefoptArtifacts.policyFile("nca"))))
        .isEqualTo(Files.readAllBytes(out.resolve(PrefoptArtifacts.policyFile("nca"))));
  }

  @Test
  void aHookThatThrowsIsTheStudentsRuntimeError() throws Exception {
    PrefoptLab lab = new PrefoptLab(TINY, () -> dir.resolve("cache"));
    JobInput job = job("dpo", "DpoLoss", THROWING_DPO);
    assertThatThrownBy(() -> run(lab, job, dir.resolve("bad")))
        .isInstanceOfSatisfying(LabFailure.class, f -> {
          assertThat(f.kind()).isEqualTo(LabExit.STUDENT_CODE_FAILED);
          assertThat(f.getMessage()).contains("not yet", "DpoLoss.java");
        });
    JobInput unknown = job("dpo", "MyLoss", THROWING_DPO.replace("DpoLoss", "MyLoss"));
    assertThatThrownBy(() -> run(lab, unknown, dir.resolve("unknown")))
        .isInstanceOfSatisfying(LabFailure.class, f -> assertThat(f.kind()).isEqualTo(LabExit.BAD_INPUT));
  }
}
