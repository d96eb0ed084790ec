package org.ethoslab.labs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ethoslab.contract.ContractJson;
import org.ethoslab.labs.core.LabRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabsCliTests {
  @TempDir
  Path dir;

  /** Exit code, stdout lines and stderr lines of one CLI invocation. */
  record Result(int code, List<String> out, List<String> err) {
    JsonNode lastEvent() throws Exception {
      return ContractJson.MAPPER.readTree(out.get(out.size() - 1));
    }
  }

  static Result cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = LabsCli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), new LabsCli.BoundedBuffer(1 << 20));
    return new Result(code, out.toString(StandardCharsets.UTF_8).lines().toList(),
        err.toString(StandardCharsets.UTF_8).lines().toList());
  }

  @Test
  void listsAndDescribesTheW2sLab() throws Exception {
    Result list = cli("list");
    assertThat(list.code()).isZero();
    JsonNode labs = ContractJson.MAPPER.readTree(String.join("\n", list.out()));
    assertThat(labs.findValuesAsText("id")).containsExactly("mergealign", "prefopt", "w2s");
    assertThat(labs.get(2).get("version").asText()).isEqualTo("2");

    JsonNode specs = ContractJson.MAPPER.readTree(String.join("\n", cli("specs").out()));
    assertThat(specs).hasSize(3);
    assertThat(specs.get(2).get("hooks").get(0).get("interfaceName").asText())
        .isEqualTo("org.ethoslab.hooks.w2s.Voting");

    JsonNode spec = ContractJson.MAPPER.readTree(String.join("\n", cli("describe", "w2s").out()));
    assertThat(spec.get("computeTier").asText()).isEqualTo("cpu-small");
    assertThat(spec.get("params").findValuesAsText("name")).contains("task", "numSeeds", "voting");
    assertThat(spec.get("params").get(1).get("default").asInt()).isEqualTo(5);
    assertThat(spec.get("hooks").findValuesAsText("name")).containsExactly("SoftVote", "HardVote");
    assertThat(spec.get("checks").get(0).get("op").asText()).isEqualTo(">=");
  }

  @Test
  void buildModelsServesTheLanguageModelLabsAndRefusesOthers() {
    // The runner calls `build-models <lab>` before a lab's first job; exit 2 means "nothing to build".
    assertThat(LabRegistry.discover().find("prefopt", null)).isInstanceOf(org.ethoslab.labs.lm.CachedModels.class);
    assertThat(LabRegistry.discover().find("mergealign", null)).isInstanceOf(org.ethoslab.labs.lm.CachedModels.class);
    Result w2s = cli("build-models", "w2s");
    assertThat(w2s.code()).isEqualTo(2);
    assertThat(w2s.err().get(0)).startsWith("BAD_INPUT: lab:").contains("no models to build");
  }

  @Test
  void badInputExitsTwoWithTheFieldOnTheFirstStderrLine() throws Exception {
    Path job = Files.writeString(dir.resolve("job.json"),
        "{\"lab\":\"w2s\",\"seed\":1,\"params\":{\"numSeeds\":50}}");
    Result r = cli("run", job.toString(), "--out", dir.resolve("out").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().get(0)).isEqualTo("BAD_INPUT: params.numSeeds: must be between 1 and 10, got 50");
    assertThat(r.lastEvent().get("type").asText()).isEqualTo("error");
    assertThat(r.lastEvent().get("kind").asText()).isEqualTo("BAD_INPUT");
    assertThat(cli("frobnicate").code()).isEqualTo(2);
    assertThat(cli("run", dir.resolve("missing.json").toString(), "--out", "x").err().get(0))
        .startsWith("BAD_INPUT: job: file not found");
  }

  @Test
  void compileErrorExitsFourWithFileAndLine() throws Exception {
    String job = "{\"lab\":\"w2s\",\"seed\":1,\"hooks\":{\"SoftVote\":"
        + ContractJson.MAPPER.writeValueAsString("public class SoftVote implements org.ethoslab.hooks.w2s.Voting {\n"
        + "  public double[] combine(double[][] p) { return null }\n}\n") + "}}";
    Path file = Files.writeString(dir.resolve("job.json"), job);
    Result r = cli("run", file.toString(), "--out", dir.resolve("out").toString());
    assertThat(r.code()).isEqualTo(4);
    assertThat(r.err().get(0)).isEqualTo("COMPILE_ERROR: SoftVote.java:2: ';' expected");
    JsonNode error = r.lastEvent();
    assertThat(error.get("kind").asText()).isEqualTo("COMPILE_ERROR");
    assertThat(error.get("file").asText()).isEqualTo("SoftVote.java");
    assertThat(error.get("line").asInt()).isEqualTo(2);
    // The hook host compiles while the lab prepares; the failed load stops the preparation, and no run trains.
    assertThat(r.out()).as("the run stopped before training").noneMatch(line -> line.contains("\"training\""))
        .allMatch(line -> line.contains("\"preparing\"") || line.contains("\"progress\"")
            || line.contains("\"error\""));
    assertThat(dir.resolve("out")).isEmptyDirectory();
  }
}
