package org.ethoslab.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one Jackson configuration the contract's records (and every lab file: job, spec, events, artifacts,
 * Evaluation) are read and written with, on every side.
 */
public final class ContractJson {

  /**
   * Shared, thread-safe mapper: nulls omitted, map keys sorted so equal objects print byte-identically, unknown
   * fields ignored (a newer peer may send fields this side does not know yet).
   */
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .setSerializationInclusion(JsonInclude.Include.NON_NULL)
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

  private ContractJson() {
  }
}
