package org.ethoslab.labs.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Privacy-policy question/clause pairs: relevant (label 1) when the clause answers the question's topic, irrelevant
 * (label 0) when it covers another topic. Every clause uses the same policy vocabulary ("we", "your information",
 * "personal data"), so relevance lives in the match between the two texts, not in any word. Modelled on LegalBench's
 * privacy_policy_qa task used by Ye, Xiao &amp; Hui (arXiv 2410.12621).
 */
public final class LegalRelevanceGenerator implements TaskGenerator {
  /** Per topic: questions, then clauses. */
  static final List<List<List<String>>> TOPICS = List.of(
      topic(List.of("How long do you keep my data?", "When is my information deleted from your servers?",
              "Do you store my records forever?"),
          List.of("We retain your personal data only as long as needed to provide the service.",
              "Your information is erased from our systems twelve months after account closure.",
              "Backups containing your records are purged on a rolling ninety-day schedule.")),
      topic(List.of("Do you sell my information to other companies?", "Who else gets to see my data?",
              "Is my personal data shared with advertisers?"),
          List.of("We do not sell personal data, but we disclose it to vendors who process payments.",
              "Your information may be passed to partners who help us deliver targeted ads.",
              "We share aggregated records with affiliates under confidentiality agreements.")),
      topic(List.of("Does the app use cookies?", "Are you tracking what I do on other websites?",
              "Can I block the trackers on your site?"),
          List.of("We place small files in your browser to remember your preferences and sessions.",
              "Third-party pixels record your visits across sites; you can disable them in settings.",
              "Our web beacons measure which pages you view and for how long.")),
      topic(List.of("Can my kids use this service?", "What happens if a child signs up?",
              "Do you collect data from minors?"),
          List.of("The service is not directed to anyone under thirteen and we delete such accounts.",
              "If we learn that a person under the age of consent registered, we remove their data.",
              "Parents may contact us to review information provided by their children.")),
      topic(List.of("How do you protect my data from hackers?", "Is my information kept secure?",
              "What happens if there is a breach?"),
          List.of("We encrypt personal data in transit and at rest and restrict staff access.",
              "Our systems are tested by independent auditors and monitored around the clock.",
              "If an incident exposes your information, we will notify you within seventy-two hours.")),
      topic(List.of("Can I get a copy of everything you have on me?", "How do I correct wrong information?",
              "Can I ask you to erase my account?"),
          List.of("You may request access to, correction of, or deletion of your personal data at any time.",
              "Send a request from your profile page and we will export your records within a month.",
              "We honour requests to rectify inaccurate information once we verify your identity.")),
      topic(List.of("Do you know where I am?", "Is my GPS position recorded?",
              "Does the app follow my movements?"),
          List.of("With your permission we collect the precise position of your device.",
              "The app records your approximate area from your IP address to show nearby offers.",
              "You can turn off location services and we will stop collecting your coordinates.")),
      topic(List.of("Will you send me marketing emails?", "How do I stop the newsletters?",
              "Can I unsubscribe from promotions?"),
          List.of("We send promotional messages only if you opted in, and every message has an opt-out link.",
              "You can change your communication preferences to stop receiving offers.",
              "Our newsletter goes to subscribers who ticked the box during registration.")),
      topic(List.of("Is my data sent to other countries?", "Where are your servers located?",
              "Does my information leave the EU?"),
          List.of("Your personal data may be transferred to and processed in the United States.",
              "Transfers outside the European Economic Area rely on standard contractual clauses.",
              "We host our databases in data centres in Ireland and Singapore.")));

  private static List<List<String>> topic(List<String> questions, List<String> clauses) {
    return List.of(questions, clauses);
  }

  @Override
  public TextExample draw(int label, SplittableRandom rng) {
    int q = rng.nextInt(TOPICS.size());
    int c = q;
    if (label == 0) {
      c = (q + 1 + rng.nextInt(TOPICS.size() - 1)) % TOPICS.size();
    }
    String question = TaskGenerator.pick(TOPICS.get(q).get(0), rng);
    String clause = TaskGenerator.pick(TOPICS.get(c).get(1), rng);
    return new TextExample(question, clause, label);
  }
}
