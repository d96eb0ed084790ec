package org.ethoslab.labs.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.ethoslab.labs.core.FailureKind;
import org.ethoslab.labs.core.LabFailure;
import org.ethoslab.labs.w2s.Voting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HookCompilerTests {
    @TempDir
    Path scratch;

    @Test
    void compilesAndRunsAStudentHook() throws Exception {
        String src = """
                public class SoftVote implements org.ethoslab.labs.w2s.Voting {
                    public double[] combine(double[][] p) {
                        double[] out = new double[p[0].length];
                        for (double[] t : p) for (int c = 0; c < out.length; c++) out[c] += t[c] / p.length;
                        return out;
                    }
                }
                """;
        Voting v = HookCompiler.compile(Map.of("SoftVote", src), scratch).instantiate("SoftVote", Voting.class);
        assertThat(v.combine(new double[][] {{1, 0}, {0, 1}})).containsExactly(0.5, 0.5);
    }

    @Test
    void compileErrorNamesFileAndLine() {
        String src = "public class SoftVote implements org.ethoslab.labs.w2s.Voting {\n"
                + "    public double[] combine(double[][] p) {\n"
                + "        return null\n"
                + "    }\n"
                + "}\n";
        assertThatThrownBy(() -> HookCompiler.compile(Map.of("SoftVote", src), scratch))
                .isInstanceOfSatisfying(LabFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(FailureKind.COMPILE_ERROR);
                    assertThat(f.getMessage()).isEqualTo("SoftVote.java:3: ';' expected");
                    assertThat(f.file()).isEqualTo("SoftVote.java");
                    assertThat(f.line()).isEqualTo(3);
                });
    }

    @Test
    void runtimeErrorPointsAtTheStudentsLine() throws Exception {
        String src = "public class SoftVote implements org.ethoslab.labs.w2s.Voting {\n"
                + "    public double[] combine(double[][] p) {\n"
                + "        int zero = p.length - p.length;\n"
                + "        int boom = 1 / zero;\n"
                + "        return new double[] {boom, 0};\n"
                + "    }\n"
                + "}\n";
        Voting v = HookCompiler.compile(Map.of("SoftVote", src), scratch).instantiate("SoftVote", Voting.class);
        assertThatThrownBy(() -> StudentCode.call(() -> v.combine(new double[][] {{1, 0}})))
                .isInstanceOfSatisfying(LabFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(FailureKind.RUNTIME_ERROR);
                    assertThat(f.getMessage()).isEqualTo("java.lang.ArithmeticException: / by zero (SoftVote.java:4)");
                });
    }

    @Test
    void aClassThatDoesNotImplementTheInterfaceIsRefused() throws Exception {
        CompiledHooks hooks = HookCompiler.compile(Map.of("HardVote", "public class HardVote {}"), scratch);
        assertThatThrownBy(() -> hooks.instantiate("HardVote", Voting.class))
                .isInstanceOfSatisfying(LabFailure.class, f -> assertThat(f.getMessage())
                        .isEqualTo("HardVote.java:1: class HardVote must implement org.ethoslab.labs.w2s.Voting"));
    }
}
