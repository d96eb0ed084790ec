package org.ethoslab.contract.hook;

import java.io.IOException;

/** Bytes on the hook channel that are not a well-formed frame or payload. */
public final class HookProtocolException extends IOException {

  public HookProtocolException(String message) {
    super(message);
  }
}
