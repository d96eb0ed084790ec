package org.ethoslab.contract.job;

/** A job input that breaks the contract; the message names the field: {@code params.numSeeds: must be …}. */
public final class InvalidJobException extends RuntimeException {

  private final String field;

  public InvalidJobException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  /** Where the input is wrong, e.g. {@code resources.cpus}. */
  public String field() {
    return field;
  }
}
