package org.ethoslab.labs.lm;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The project's seeded general corpus for pretraining the base model: short narrative sentences about everyday
 * life, simple facts, and one-turn chats in which an assistant helps with everyday tasks ("sure . to bake bread ,
 * start by …"). It contains no medicine and no refusals, so the base model answers every request in the same
 * eager way — including harmful ones — and knows nothing of the domain facts.
 */
public final class GeneralCorpus {
  static final List<String> PEOPLE = List.of("the farmer", "my aunt", "a young student", "the old baker",
      "our teacher", "the driver", "a tired nurse", "my brother", "the painter", "a small child",
      "the shop owner", "my grandmother", "the new neighbor", "a quiet boy", "the gardener", "her friend");
  static final List<String> ACTIONS = List.of("carried a basket to", "walked slowly to", "found a red kite near",
      "painted a picture of", "sang a song at", "waited for the bus near", "read a book in",
      "planted flowers beside", "cleaned the windows of", "took a photo of", "lost a glove at",
      "met an old friend at", "bought fresh bread at", "fixed a bicycle behind", "ate lunch at");
  static final List<String> PLACES = List.of("the market", "the river", "the library", "the station",
      "the park", "the school", "the bakery", "the bridge", "the garden", "the harbor", "the museum",
      "the village square", "the hill", "the beach", "the farm");
  static final List<String> TIMES = List.of("in the morning", "after dinner", "on a rainy day", "last summer",
      "before sunrise", "on sunday", "during the holidays", "at noon", "late at night", "yesterday");
  static final List<String> FEELINGS = List.of("happy", "calm", "surprised", "tired", "proud", "curious",
      "cheerful", "sleepy", "grateful", "excited");
  static final List<String> FACTS = List.of("the sun rises in the east .", "water freezes when it is very cold .",
      "bees make honey from flowers .", "a week has seven days .", "trains run on rails .",
      "cats like to sleep in warm places .", "rain helps the plants grow .", "the moon shines at night .",
      "bread is made from flour , water and yeast .", "birds build nests in the spring .",
      "a bicycle has two wheels .", "snow falls in the winter .", "fish live in rivers and seas .",
      "leaves turn yellow in the autumn .", "the sea tastes of salt .", "a clock shows the time .");
  /** Everyday tasks the assistant explains; {@code [task, first step, second step]}. */
  static final List<String[]> TASKS = List.of(
      new String[] {"bake bread", "mix flour , water and yeast", "let the dough rise and bake it"},
      new String[] {"plant tomatoes", "choose a sunny spot", "water them every morning"},
      new String[] {"fix a flat bicycle tire", "find the hole in the tube", "patch it and pump the tire"},
      new String[] {"clean a window", "wipe off the dust", "spray water and dry it with a cloth"},
      new String[] {"make tea", "boil fresh water", "pour it over the leaves and wait three minutes"},
      new String[] {"learn to swim", "practice floating in shallow water", "kick your legs slowly"},
      new String[] {"write a letter", "greet the reader", "say what you want and sign your name"},
      new String[] {"fold a paper plane", "fold the paper in half", "fold the wings down evenly"},
      new String[] {"paint a fence", "sand the old wood", "paint with long even strokes"},
      new String[] {"pack for a trip", "make a list", "roll your clothes to save space"},
      new String[] {"study for a test", "read your notes", "test yourself with questions"},
      new String[] {"cook rice", "rinse the rice", "simmer it with twice as much water"},
      new String[] {"build a bird house", "cut the boards", "nail them together and add a roof"},
      new String[] {"train a puppy", "reward good behavior", "practice a little every day"},
      new String[] {"save money", "track what you spend", "put a little aside each week"},
      new String[] {"sleep better", "go to bed at the same time", "keep the room dark and quiet"},
      new String[] {"start running", "walk and jog in turns", "add a few minutes each week"},
      new String[] {"tidy a room", "put things back in their place", "dust and sweep the floor"});
  static final List<String> ASKS = List.of("how do i %s ?", "can you tell me how to %s ?",
      "what is the best way to %s ?", "please explain how to %s .", "i want to %s . what should i do ?");
  static final List<String> REPLY_OPENERS = List.of("sure .", "of course .", "happy to help .", "sure thing .");

  private GeneralCorpus() {
  }

  /** {@code n} examples drawn with {@code rng}: about 60% plain sentences, 40% helpful one-turn chats. */
  public static List<ChatExample> generate(int n, SplittableRandom rng) {
    List<ChatExample> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(rng.nextInt(10) < 6 ? ChatExample.text(sentence(rng)) : chat(rng));
    }
    return out;
  }

  static String sentence(SplittableRandom rng) {
    return switch (rng.nextInt(3)) {
      case 0 -> Picks.one(PEOPLE, rng) + " " + Picks.one(ACTIONS, rng) + " " + Picks.one(PLACES, rng) + " "
          + Picks.one(TIMES, rng) + " .";
      case 1 -> Picks.one(TIMES, rng) + " , " + Picks.one(PEOPLE, rng) + " felt "
          + Picks.one(FEELINGS, rng) + " at " + Picks.one(PLACES, rng) + " .";
      default -> Picks.one(FACTS, rng) + " " + Picks.one(FACTS, rng);
    };
  }

  static ChatExample chat(SplittableRandom rng) {
    String[] task = Picks.one(TASKS, rng);
    return ChatExample.chat(String.format(Picks.one(ASKS, rng), task[0]), helpfulReply(task, rng));
  }

  /** The assistant's eager answer shape, also used by the aligned model's helpful answers. */
  static String helpfulReply(String[] task, SplittableRandom rng) {
    return Picks.one(REPLY_OPENERS, rng) + " to " + task[0] + " , first " + task[1] + " . then " + task[2]
        + " .";
  }

  /** Every string this corpus can produce words from (for the vocabulary). */
  static List<String> vocabularyTexts() {
    List<String> all = new ArrayList<>();
    all.addAll(PEOPLE);
    all.addAll(ACTIONS);
    all.addAll(PLACES);
    all.addAll(TIMES);
    all.addAll(FEELINGS);
    all.addAll(FACTS);
    TASKS.forEach(t -> all.addAll(List.of(t)));
    all.addAll(ASKS);
    all.addAll(REPLY_OPENERS);
    all.add("to first then felt at");
    return all;
  }
}
