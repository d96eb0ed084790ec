package org.ethoslab.labs.lm;

/**
 * One training or evaluation text: a {@code prompt} the model conditions on and the {@code response} it should
 * produce. Language-model training puts the loss on the response tokens only (and on the whole text when the prompt
 * is empty, as in pretraining). {@link #userTurn} gives the chat format every corpus here shares.
 */
public record ChatExample(String prompt, String response) {

  /** {@code "user : <request> assistant :"} — the prompt of a one-turn chat. */
  public static String userTurn(String request) {
    return "user : " + request + " assistant :";
  }

  /** A one-turn chat: the user's request as prompt, the assistant's reply as response. */
  public static ChatExample chat(String request, String reply) {
    return new ChatExample(userTurn(request), reply);
  }

  /** Plain text with no prompt: every token carries loss. */
  public static ChatExample text(String text) {
    return new ChatExample("", text);
  }
}
