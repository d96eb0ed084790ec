package org.ethoslab.runner.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactCopierTests {

  @TempDir
  Path dir;

  @Test
  void copiesRegularFilesAndSkipsLinksOddNamesAndOversizedFiles() throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve("model.params"), "weights");
    Files.createDirectories(out.resolve("curves")).resolve("loss.json").toFile().createNewFile();
    Files.writeString(dir.resolve("secret.txt"), "host secret");
    Files.createSymbolicLink(out.resolve("link.txt"), dir.resolve("secret.txt"));
    Files.createSymbolicLink(out.resolve("linkdir"), dir);
    Files.writeString(out.resolve(".hidden"), "x");
    Files.write(out.resolve("big.bin"), new byte[5000]);

    ArtifactCopier.Copied copied = ArtifactCopier.copy(out, dir.resolve("trusted"), 4096, 1 << 20);

    assertThat(copied.files()).extracting(p -> dir.resolve("trusted").relativize(p).toString())
        .containsExactlyInAnyOrder("model.params", "curves/loss.json");
    assertThat(copied.skipped()).anyMatch(s -> s.startsWith("link.txt (not a regular file)"))
        .anyMatch(s -> s.startsWith("linkdir (not a regular file)"))
        .anyMatch(s -> s.startsWith(".hidden (name)"))
        .anyMatch(s -> s.startsWith("big.bin (larger than"));
    assertThat(Files.readString(dir.resolve("trusted/model.params"))).isEqualTo("weights");
  }

  @Test
  void stopsAtTheTotalCap() throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    for (int i = 0; i < 5; i++) {
      Files.write(out.resolve("part" + i), new byte[1000]);
    }
    ArtifactCopier.Copied copied = ArtifactCopier.copy(out, dir.resolve("trusted"), 4096, 2500);
    assertThat(copied.files()).hasSize(2);
    assertThat(copied.skipped()).hasSize(3).allMatch(s -> s.contains("all artifacts together"));
  }
}
