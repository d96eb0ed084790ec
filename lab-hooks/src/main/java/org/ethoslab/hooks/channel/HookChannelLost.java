package org.ethoslab.hooks.channel;

import java.io.IOException;

/**
 * The hook channel closed under a caller: the host died, was stopped for a limit, or the relay gave up on it. The
 * caller cannot tell which; the runner, which watched the host, makes the verdict.
 */
public final class HookChannelLost extends IOException {

  public HookChannelLost(String message) {
    super(message);
  }
}
