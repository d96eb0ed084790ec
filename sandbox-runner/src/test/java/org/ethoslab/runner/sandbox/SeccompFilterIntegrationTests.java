package org.ethoslab.runner.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ethoslab.runner.testsupport.RealServices;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The filter's bytes, loaded by the real bwrap: refused calls fail with EPERM, everything else works. */
class SeccompFilterIntegrationTests {

  @TempDir
  Path dir;

  @Test
  void refusesNamespacesAndMountsButLetsProgramsRun() throws Exception {
    RealServices.requireBubblewrap();
    Assumptions.assumeTrue(SeccompFilter.forThisMachine().isPresent(), "the filter is built for x86-64 only");
    Path filter = Files.write(dir.resolve("filter.bpf"), SeccompFilter.forThisMachine().get());

    assertThat(sandboxed(filter, "grep Seccomp: /proc/self/status")).contains("Seccomp:\t2");
    assertThat(sandboxed(filter, "unshare --net true; echo exit=$?")).contains("Operation not permitted", "exit=1");
    assertThat(sandboxed(filter, "mount -t tmpfs x /tmp; echo exit=$?")).contains("exit=").doesNotContain("exit=0");
    assertThat(sandboxed(filter, "echo still works")).contains("still works");
  }

  @Test
  void aSandboxCannotKillItselfWithAnOutsideSignalNorOpenAHypervisorSocket() throws Exception {
    RealServices.requireBubblewrap();
    Assumptions.assumeTrue(SeccompFilter.forThisMachine().isPresent(), "the filter is built for x86-64 only");
    Path filter = Files.write(dir.resolve("filter.bpf"), SeccompFilter.forThisMachine().get());

    assertThat(sandboxed(filter, "kill -9 $$; echo survived=$?")).contains("Operation not permitted", "survived=1");
    assertThat(sandboxed(filter, "kill -TERM $$; echo survived=$?")).contains("survived=1");
    assertThat(sandboxed(filter, "kill -0 $$ && echo signal-0-works")).contains("signal-0-works");
    String sockets = sandboxed(filter, "perl -e 'use Socket; socket(V, 40, 1, 0) or print \"vsock: $!\\n\"; "
        + "socket(P, 17, 3, 0) or print \"packet: $!\\n\"; socket(U, PF_UNIX, SOCK_STREAM, 0) and print "
        + "\"unix ok\\n\"; socket(I, PF_INET, SOCK_STREAM, 0) and print \"inet ok\\n\"'");
    assertThat(sockets).contains("vsock: Address family not supported", "packet: Address family not supported",
        "unix ok", "inet ok");
  }

  private static String sandboxed(Path filter, String script) throws Exception {
    List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", "exec \"$@\" 4<\"$0\"", filter.toString(),
        "/usr/bin/bwrap", "--unshare-user", "--unshare-pid", "--unshare-net", "--die-with-parent",
        "--ro-bind", "/usr", "/usr", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
        "--symlink", "usr/bin", "/bin", "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp",
        "--seccomp", "4", "/bin/sh", "-c", script));
    Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    return output;
  }
}
