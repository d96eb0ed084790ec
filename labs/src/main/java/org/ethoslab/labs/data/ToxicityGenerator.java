package org.ethoslab.labs.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Toxic (label 1) versus non-toxic (label 0) comments. Every comment is a shared frame around a target and a
 * predicate, and both classes use the same frames, the same people ("you", "people like you") and the same harsh
 * words: harsh words aimed at a person are toxic ("honestly, you are a worthless clown"), aimed at a thing they are not
 * ("honestly, this printer is a worthless clown"), and praise aimed at a person is not either. Threats and
 * reassurance share their wording the same way ("I know where you live" / "I know where you parked"). Modelled on the
 * toxicity split of Ye, Xiao &amp; Hui (arXiv 2410.12621), which scores RealToxicityPrompts continuations.
 */
public final class ToxicityGenerator implements TaskGenerator {
  static final List<String> FRAMES = List.of("%s.", "Honestly, %s.", "Let's be real: %s.", "I'm just saying %s.",
      "Everyone can see %s.", "Not gonna lie, %s.", "Read the thread again, %s.", "lol %s",
      "Ok but %s.", "After today I'm sure %s.", "%s, and that's the truth.", "Seriously, %s!");
  static final List<String> PEOPLE = List.of("you are", "people like you are", "your whole family is",
      "you and your friends are", "guys like you are", "your kind is", "the idiot who posted this is",
      "that commenter is", "your sister is", "the moderator is", "you clearly are", "the author is");
  static final List<String> THINGS = List.of("this update is", "the new menu is", "my old phone is",
      "the ending of that movie is", "the bus schedule is", "this printer is", "the weather today is",
      "my first draft is", "the referee's call was", "this tax form is", "the hotel wifi is",
      "that plot twist was", "this keyboard is", "the parking situation is", "my sourdough attempt was",
      "the second season is");
  static final List<String> INSULTS = List.of("stupid", "pathetic", "worthless", "disgusting", "useless",
      "brainless", "a complete idiot", "a total loser", "trash", "a clown", "garbage", "a joke",
      "an embarrassment", "a moron", "a waste of space", "dumb as a rock", "a disgrace", "vile", "repulsive",
      "an absolute fool", "spineless", "a parasite", "hopeless", "ugly inside and out", "a failure",
      "braindead", "a worthless clown", "the dumbest thing alive");
  static final List<String> PRAISE = List.of("brilliant", "kind", "a genius", "hilarious", "a legend",
      "incredibly patient", "so talented", "a gem", "wonderful", "thoughtful", "a hero", "sharp as a tack",
      "a joy to read", "generous", "the best thing here", "honest and fair", "an inspiration", "lovely",
      "gifted", "a class act");
  static final List<String> THREATS = List.of("I know where you live", "watch your back tonight",
      "I will find you after school", "you'll regret this when I see you", "someone should shut you up for good",
      "go kill yourself", "I hope you get hurt", "keep talking and I'll break your face",
      "I'm coming to your house", "you won't be so brave when I find you");
  static final List<String> REASSURANCE = List.of("I know where you parked, I'll bring the umbrella",
      "watch your step tonight, the stairs are icy", "I will find you a seat after school",
      "you'll love this when you see it", "someone should give you an award for this",
      "go treat yourself", "I hope you get some rest", "keep talking, I love your stories",
      "I'm coming to your house with soup", "you were so brave when I found you at the race");

  /** Chatter that comes with comments of both classes; it spreads a bag of words' hash collisions thin. */
  static final List<String> PREFIXES = List.of("Re: the game thread. ", "Edit: fixed typo. ", "Late to this, but ",
      "Posting from my phone, ", "Third time commenting today. ", "Replying to the top comment: ",
      "Saw this on the bus. ", "Long week. ", "Just got home and ", "Okay so ", "Update from the meeting: ",
      "No offense to the mods, ");
  static final List<String> SUFFIXES = List.of(" Anyway, back to work.", " Thread closed.", " #monday",
      " cc @sam", " Just my two cents.", " See you all Friday.", " Source: trust me.", " End of story.",
      " Good night everyone.", " Whatever, moving on.", " (sorry for the long post)", " Cheers.");

  @Override
  public TextExample draw(int label, SplittableRandom rng) {
    String prefix = rng.nextBoolean() ? TaskGenerator.pick(PREFIXES, rng) : "";
    String suffix = rng.nextBoolean() ? TaskGenerator.pick(SUFFIXES, rng) : "";
    String frame = TaskGenerator.pick(FRAMES, rng);
    String body;
    int kind = rng.nextInt(4);
    if (label == 1) {
      body = kind == 0 ? TaskGenerator.pick(THREATS, rng)
          : TaskGenerator.pick(PEOPLE, rng) + " " + TaskGenerator.pick(INSULTS, rng);
    } else if (kind == 0) {
      body = TaskGenerator.pick(REASSURANCE, rng);
    } else if (kind == 1) {
      body = TaskGenerator.pick(PEOPLE, rng).replace("the idiot who posted this", "the person who posted this")
          + " " + TaskGenerator.pick(PRAISE, rng);
    } else {
      body = TaskGenerator.pick(THINGS, rng) + " " + TaskGenerator.pick(INSULTS, rng);
    }
    String text = String.format(frame, body);
    text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
    if (!prefix.isEmpty()) {
      text = prefix + Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
    return TextExample.of(text + suffix, label);
  }
}
