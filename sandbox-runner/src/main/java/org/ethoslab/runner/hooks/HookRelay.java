package org.ethoslab.runner.hooks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.logging.Logger;
import org.ethoslab.contract.hook.HookFrame;
import org.ethoslab.contract.hook.HookProtocolException;

/**
 * Relays one phase's calls (the trainer's, then the evaluator's) from a Unix socket to the job's hook host: the
 * caller connects once, sends {@code CALL} frames and gets each {@code RESULT} back, or a {@code LOST} frame when the
 * host ended or a call ran past its deadline. Only calls pass; a caller can neither load classes nor reach anything
 * else of the runner.
 */
public final class HookRelay implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(HookRelay.class.getName());

  private final ServerSocketChannel server;
  private final Path socket;
  private final Thread pump;

  private HookRelay(ServerSocketChannel server, Path socket, HookHostSession host, Duration callLimit) {
    this.server = server;
    this.socket = socket;
    this.pump = new Thread(() -> serve(host, callLimit), "hook-relay");
    pump.setDaemon(true);
  }

  /**
   * Listens on {@code socket} (created here; owned by {@code ownerUid} when given, so that uid alone can connect)
   * and relays the first connection to {@code host}.
   */
  public static HookRelay open(Path socket, OptionalInt ownerUid, HookHostSession host, Duration callLimit)
      throws IOException {
    Files.deleteIfExists(socket);
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
    if (ownerUid.isPresent()) {
      Files.setAttribute(socket, "unix:uid", ownerUid.getAsInt());
      Files.setAttribute(socket, "unix:gid", ownerUid.getAsInt());
    }
    HookRelay relay = new HookRelay(server, socket, host, callLimit);
    relay.pump.start();
    return relay;
  }

  private void serve(HookHostSession host, Duration callLimit) {
    try (SocketChannel client = server.accept()) {
      InputStream in = new BufferedInputStream(Channels.newInputStream(client), 1 << 16);
      OutputStream out = new BufferedOutputStream(Channels.newOutputStream(client), 1 << 16);
      while (true) {
        HookFrame call;
        try {
          call = HookFrame.read(in, HookHostSession.MAX_FRAME_BYTES);
        } catch (HookProtocolException e) {
          // The caller is the lab's own code: a malformed call is a platform bug, answered and logged.
          LOG.warning("A lab process sent a malformed hook call: " + e.getMessage());
          HookFrame.lost("malformed call: " + e.getMessage()).write(out);
          return;
        }
        if (call == null) {
          return;
        }
        if (call.kind() != HookFrame.Kind.CALL) {
          HookFrame.lost("only CALL frames are relayed, got " + call.kind()).write(out);
          return;
        }
        HookFrame answer = host.call(call, callLimit);
        answer.write(out);
        if (answer.kind() == HookFrame.Kind.LOST) {
          return;
        }
      }
    } catch (IOException e) {
      // The caller went away (it ended, or was stopped): nothing more to relay.
      LOG.fine("hook relay closed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The socket path the caller connects to (as the runner sees it). */
  public Path socket() {
    return socket;
  }

  /** Stops listening and waits for the pump to finish its current call. */
  @Override
  public void close() throws InterruptedException {
    try {
      server.close();
    } catch (IOException e) {
      LOG.fine("hook relay socket: " + e.getMessage());
    }
    pump.join(10_000);
    try {
      Files.deleteIfExists(socket);
    } catch (IOException e) {
      LOG.fine("hook relay socket not removed: " + e.getMessage());
    }
  }
}
