package org.ethoslab.labs.prefopt;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed word-level vocabulary: lower-cased words (letters, digits, apostrophes) and single punctuation marks, plus
 * five special tokens. Words outside it become {@code <unk>}, which is how uploaded HH-RLHF text meets the tiny
 * model. Word tokens keep a prompt to ~20 positions where bytes would need ~90, which is what makes the lab fast.
 */
final class Vocabulary {
  static final String PAD = "<pad>";
  static final String BOS = "<bos>";
  static final String SEP = "<sep>";
  static final String EOS = "<eos>";
  static final String UNK = "<unk>";
  private static final Pattern TOKEN = Pattern.compile("[a-z0-9']+|[^\\sa-z0-9']");

  private final List<String> words;
  private final Map<String, Integer> ids = new HashMap<>();

  Vocabulary(List<String> words) {
    this.words = List.copyOf(words);
    for (int i = 0; i < this.words.size(); i++) {
      if (ids.put(this.words.get(i), i) != null) {
        throw new IllegalArgumentException("duplicate token " + this.words.get(i));
      }
    }
    for (String special : List.of(PAD, BOS, SEP, EOS, UNK)) {
      if (!ids.containsKey(special)) {
        throw new IllegalArgumentException("vocabulary lacks " + special);
      }
    }
  }

  /** The specials first (PAD = 0), then every word of {@code texts} in sorted order. */
  static Vocabulary of(Collection<String> texts) {
    TreeSet<String> sorted = new TreeSet<>();
    for (String text : texts) {
      sorted.addAll(split(text));
    }
    List<String> words = new ArrayList<>(List.of(PAD, BOS, SEP, EOS, UNK));
    words.addAll(sorted);
    return new Vocabulary(words);
  }

  static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  int[] encode(String text) {
    return split(text).stream().mapToInt(w -> ids.getOrDefault(w, id(UNK))).toArray();
  }

  String decode(int[] tokens) {
    StringBuilder sb = new StringBuilder();
    for (int t : tokens) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(words.get(t));
    }
    return sb.toString();
  }

  int id(String token) {
    Integer id = ids.get(token);
    if (id == null) {
      throw new IllegalArgumentException("not in the vocabulary: " + token);
    }
    return id;
  }

  int size() {
    return words.size();
  }

  List<String> words() {
    return words;
  }
}
