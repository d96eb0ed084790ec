package org.ethoslab.labs.lm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed word-level vocabulary for the tiny GPT: text is lower-cased and split into words (letters/digits with an
 * optional {@code 's}-style suffix) and single punctuation marks. The project's corpora are templated, so their word
 * lists give a complete vocabulary of a few hundred words; anything else maps to {@code <unk>}. Word tokens keep
 * prompts and answers short (20–40 tokens), which is what makes a 2-layer model on 2 CPU cores enough.
 */
public final class WordTokenizer {
  public static final int PAD = 0;
  public static final int UNK = 1;
  public static final int BOS = 2;
  public static final int EOS = 3;
  private static final List<String> SPECIALS = List.of("<pad>", "<unk>", "<bos>", "<eos>");
  private static final Pattern TOKEN = Pattern.compile("[a-z0-9]+(?:'[a-z]+)?|[^\\sa-z0-9]");

  private final List<String> words;
  private final Map<String, Integer> ids = new HashMap<>();

  private WordTokenizer(List<String> words) {
    this.words = List.copyOf(words);
    for (int i = 0; i < words.size(); i++) {
      ids.put(words.get(i), i);
    }
  }

  /** The vocabulary of every token in {@code texts}, sorted, after the four special tokens. */
  public static WordTokenizer fromTexts(Iterable<String> texts) {
    TreeSet<String> vocab = new TreeSet<>();
    for (String text : texts) {
      vocab.addAll(split(text));
    }
    vocab.removeAll(SPECIALS);
    List<String> words = new ArrayList<>(SPECIALS);
    words.addAll(vocab);
    return new WordTokenizer(words);
  }

  /** Lower-cased word and punctuation tokens of {@code text}. */
  public static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  public int size() {
    return words.size();
  }

  /** Token ids of {@code text}, without BOS/EOS. */
  public int[] encode(String text) {
    List<String> tokens = split(text);
    int[] out = new int[tokens.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ids.getOrDefault(tokens.get(i), UNK);
    }
    return out;
  }

  /** Words joined by spaces, with punctuation attached to the previous word; special tokens are dropped. */
  public String decode(int[] tokens) {
    StringBuilder sb = new StringBuilder();
    for (int id : tokens) {
      if (id < SPECIALS.size() && id != UNK) {
        continue;
      }
      String w = id >= 0 && id < words.size() ? words.get(id) : "<unk>";
      boolean punct = w.length() == 1 && !Character.isLetterOrDigit(w.charAt(0));
      if (sb.length() > 0 && !(punct && !w.equals("(") && !w.equals("\""))) {
        sb.append(' ');
      }
      sb.append(w);
    }
    return sb.toString();
  }

  public String word(int id) {
    return words.get(id);
  }

  /** A stable fingerprint of the vocabulary, part of every model's config hash. */
  public String fingerprint() {
    return ConfigHash.of(String.join("\n", words));
  }

  public void save(Path file) throws IOException {
    Files.write(file, words, StandardCharsets.UTF_8);
  }

  public static WordTokenizer load(Path file) throws IOException {
    List<String> words = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (words.size() < SPECIALS.size() || !words.subList(0, SPECIALS.size()).equals(SPECIALS)) {
      throw new IOException(file + ": not a vocabulary file (must start with " + SPECIALS + ")");
    }
    return new WordTokenizer(words);
  }
}
