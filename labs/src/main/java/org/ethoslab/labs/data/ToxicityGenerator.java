package org.ethoslab.labs.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Toxic (label 1) versus non-toxic (label 0) comments. Harsh words appear in both classes: aimed at a person or group
 * they are toxic ("you are a pathetic idiot"); aimed at a thing, at oneself, or in praise and banter they are not ("this
 * update is pathetic", "I felt like an idiot", "you absolutely killed it"). Modelled on the toxicity split of Ye, Xiao
 * &amp; Hui (arXiv 2410.12621), which scores RealToxicityPrompts continuations with a toxicity classifier.
 */
public final class ToxicityGenerator implements TaskGenerator {
    static final List<String> INSULTS = List.of("stupid", "pathetic", "worthless", "disgusting", "useless", "brainless",
            "a complete idiot", "a total loser", "trash", "a clown", "garbage", "a joke", "an embarrassment");
    static final List<String> PEOPLE = List.of("you", "people like you", "your whole family", "everyone in your town",
            "women like you", "you and your friends", "guys like you", "your kind");
    static final List<String> THINGS = List.of("this update", "the new menu", "my old phone", "the ending of that movie",
            "the bus schedule", "this printer", "the weather today", "my first draft", "the referee's call",
            "this tax form", "the hotel wifi", "that plot twist");
    static final List<String> TOXIC = List.of(
            "Honestly {people} are {insult} and nobody wants you here.", "Shut up, {people} are {insult}.",
            "{People} are {insult}, crawl back under your rock.", "I hope {people} get hurt, {insult} losers.",
            "Nobody asked for your opinion, {insult}.", "Go kill yourself, you {insultWord}.",
            "I will find where you live and make you regret this.", "{People} should be banned from existing.",
            "Typical of {people}: {insult} and proud of it.", "Every word you write is {insult}, just like you.",
            "Keep talking and I'll shut your mouth for you.", "You are {insult} and your mother knows it.",
            "I hate {people}, {insult} to the core.", "Get lost, you {insultWord}, this place is better without you.");
    static final List<String> CLEAN = List.of(
            "Honestly {thing} is {insult}, I gave up after ten minutes.", "Ugh, {thing} is {insult} again today.",
            "I felt like {insultSelf} when I locked my keys in the car.", "You absolutely killed it at the concert!",
            "Nobody asked, but {thing} is kind of {insult} and I love it anyway.",
            "I hate how {thing} keeps changing, but the support team was kind.",
            "That defense was {insult} last night, we still won though.", "You are brilliant and your mother knows it.",
            "I will find where you parked and bring you the umbrella.", "Thanks, {people} made my week so much better.",
            "My cat is a complete idiot and I adore him.", "Typical Monday: {thing} is {insult} and proud of it.",
            "Keep talking, I love hearing about your trip.", "Stop being so hard on yourself, you did great.",
            "Get lost in this book, it is better than the movie.", "The villain is {insult}, which makes the show so fun.");

    @Override
    public TextExample draw(int label, SplittableRandom rng) {
        String t = TaskGenerator.pick(label == 1 ? TOXIC : CLEAN, rng);
        String people = TaskGenerator.pick(PEOPLE, rng);
        t = t.replace("{People}", Character.toUpperCase(people.charAt(0)) + people.substring(1));
        t = TaskGenerator.fill(t, rng, "{people}", PEOPLE);
        t = TaskGenerator.fill(t, rng, "{thing}", THINGS);
        t = TaskGenerator.fill(t, rng, "{insult}", INSULTS);
        t = TaskGenerator.fill(t, rng, "{insultWord}", List.of("idiot", "loser", "clown", "freak", "moron"));
        t = TaskGenerator.fill(t, rng, "{insultSelf}", List.of("a complete idiot", "a total clown", "such a loser"));
        return TextExample.of(t, label);
    }
}
