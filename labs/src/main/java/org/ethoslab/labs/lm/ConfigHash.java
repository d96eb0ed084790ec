package org.ethoslab.labs.lm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.ethoslab.contract.ContractJson;

/** The first 12 hex digits of a SHA-256: the name tag of cached models and vocabularies. */
public final class ConfigHash {
  private ConfigHash() {
  }

  public static String of(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  /** Hash of an object's canonical JSON (map keys sorted by the shared mapper). */
  public static String ofJson(Object value) {
    try {
      return of(ContractJson.MAPPER.writeValueAsString(value));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("config is not serialisable: " + e.getMessage(), e);
    }
  }
}
