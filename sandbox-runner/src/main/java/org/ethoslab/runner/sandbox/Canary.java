package org.ethoslab.runner.sandbox;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The canary the runner starts through its real sandbox chain at start-up. It checks from the inside that the host's
 * files, network and file system are out of reach and that the job directory is writable, prints one line per
 * finding and {@value #OK} when everything is contained. Self-contained (JDK only, no nested classes): the runner
 * copies this one class file into a scratch directory and runs it from there.
 */
public final class Canary {

  /** The last line of a run in which every check held. */
  public static final String OK = "ETHOSLAB-CANARY-CONTAINED";

  private Canary() {
  }

  /** {@code args[0]}: the job directory as seen inside; {@code args[1..]}: host paths that must not be readable. */
  public static void main(String[] args) {
    List<String> escapes = new ArrayList<>();
    Path jobDir = Path.of(args[0]);
    try {
      Files.writeString(jobDir.resolve("canary.txt"), "written inside the sandbox");
    } catch (IOException e) {
      escapes.add("the job directory is not writable: " + e.getMessage());
    }
    for (int i = 1; i < args.length; i++) {
      if (Files.exists(Path.of(args[i]))) {
        escapes.add("host path is visible: " + args[i]);
      }
    }
    if (Files.exists(Path.of("/etc/passwd"))) {
      escapes.add("/etc/passwd is visible");
    }
    try {
      Files.writeString(Path.of("/usr/lib/ethoslab-canary"), "x");
      escapes.add("/usr/lib is writable");
    } catch (IOException expected) {
      System.out.println("read-only system: " + expected.getClass().getSimpleName());
    }
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isLoopback()) {
          escapes.add("network interface visible: " + nic.getName());
        }
      }
    } catch (IOException e) {
      System.out.println("no network interfaces: " + e.getMessage());
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("1.1.1.1", 53), 1000);
      escapes.add("reached 1.1.1.1:53");
    } catch (IOException expected) {
      System.out.println("outside network unreachable: " + expected.getMessage());
    }
    escapes.forEach(escape -> System.out.println("ESCAPE " + escape));
    if (escapes.isEmpty()) {
      System.out.println(OK);
    }
    System.exit(escapes.isEmpty() ? 0 : 10);
  }
}
