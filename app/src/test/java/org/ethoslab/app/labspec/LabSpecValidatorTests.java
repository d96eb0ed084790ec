package org.ethoslab.app.labspec;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.ethoslab.contract.lab.LabSpec;
import org.ethoslab.contract.lab.LabSpec.CheckSpec;
import org.ethoslab.contract.lab.LabSpec.HookSpec;
import org.ethoslab.contract.lab.LabSpec.ParamSpec;
import org.junit.jupiter.api.Test;

/** Every rule a published spec must meet, each broken once: the message starts with the field it names. */
class LabSpecValidatorTests {

  static LabSpec valid() {
    return new LabSpec("w2s", "2", "Weak-to-strong", "A weak teacher supervises a strong student.", "cpu-small",
        new LabSpec.Limits(300, 600, 2048),
        List.of(ParamSpec.intParam("numSeeds", 1, 10, 5, "Seeds"),
            ParamSpec.doubleParam("confidenceLoss", 0, 1, 0.0, "Weight"),
            ParamSpec.boolParam("fast", false, "Fewer steps"),
            ParamSpec.enumParam("voting", List.of("soft", "hard"), "soft", "How teachers vote")),
        List.of(new HookSpec("SoftVote", "org.ethoslab.hooks.w2s.Voting", "Soft voting",
            "public class SoftVote implements org.ethoslab.hooks.w2s.Voting {}")),
        List.of(new CheckSpec("pgr-positive", "PGR above 0.2", 50, "pgr.median", ">=", 0.2)));
  }

  @Test
  void aWellFormedSpecPasses() {
    assertThatCode(() -> LabSpecValidator.validate(List.of(valid()))).doesNotThrowAnyException();
  }

  @Test
  void idsAndVersionsFollowTheQueuesRules() {
    refused(s -> with(s, "W2S!", s.version()), "labs[0].id: expected lower-case letters");
    refused(s -> with(s, s.id(), "two words"), "labs[0].version: expected letters, digits");
    refused(s -> with(s, s.id(), null), "labs[0].version: expected");
  }

  @Test
  void parametersAreTypedAndBounded() {
    refused(s -> withParam(s, new ParamSpec("numSeeds", "integer", 1.0, 10.0, null, 5, "h")),
        "labs[0].params[0].type: expected int, double, boolean or enum, got 'integer' (lab w2s@2)");
    refused(s -> withParam(s, new ParamSpec("numSeeds", "int", 10.0, 1.0, null, 5, "h")),
        "labs[0].params[0].max: must not be below min (10 > 1)");
    refused(s -> withParam(s, new ParamSpec("numSeeds", "int", 1.0, 1e12, null, 5, "h")),
        "labs[0].params[0].max: must be a number between");
    refused(s -> withParam(s, new ParamSpec("numSeeds", "int", 1.5, 10.0, null, 5, "h")),
        "labs[0].params[0].min: an int parameter's bound must be a whole number");
    refused(s -> withParam(s, new ParamSpec("numSeeds", "int", 1.0, 10.0, null, 50, "h")),
        "labs[0].params[0].default: must lie within 1 to 10, got 50");
    refused(s -> withParam(s, new ParamSpec("numSeeds", "int", 1.0, 10.0, null, null, "h")),
        "labs[0].params[0].default: required");
    refused(s -> withParam(s, new ParamSpec("voting", "enum", null, null, List.of("soft"), "hard", "h")),
        "labs[0].params[0].default: must be one of [soft], got hard");
    refused(s -> withParam(s, new ParamSpec("voting", "enum", null, null, List.of(), "soft", "h")),
        "labs[0].params[0].choices: an enum parameter needs at least one choice");
    refused(s -> withParam(s, new ParamSpec("fast", "boolean", 0.0, 1.0, null, true, "h")),
        "labs[0].params[0].min: only int and double parameters have bounds");
    refused(s -> withParam(s, new ParamSpec("p_1 x", "int", 1.0, 2.0, null, 1, "h")),
        "labs[0].params[0].name: expected a letter");
    refused(s -> withParam(s, ParamSpec.doubleParam("x", 0, 1, 0.5, "h".repeat(2001))),
        "labs[0].params[0].help: 2001 characters, the limit is 2000");
  }

  @Test
  void hooksAreJavaClassesOfAnInterface() {
    refused(s -> withHook(s, new HookSpec("Soft Vote", "org.ethoslab.hooks.w2s.Voting", "d", "class X {}")),
        "labs[0].hooks[0].name: expected a Java class name");
    refused(s -> withHook(s, new HookSpec("class", "org.ethoslab.hooks.w2s.Voting", "d", "class X {}")),
        "labs[0].hooks[0].name: expected a Java class name");
    refused(s -> withHook(s, new HookSpec("SoftVote", "org.ethoslab..Voting", "d", "class X {}")),
        "labs[0].hooks[0].interfaceName: expected a qualified Java interface name");
    refused(s -> withHook(s, new HookSpec("SoftVote", "org.ethoslab.hooks.w2s.Voting", "d",
        "x".repeat(LabSpecValidator.MAX_STARTER_CODE + 1))),
        "labs[0].hooks[0].starterCode: 65537 characters, the limit is 65536");
  }

  @Test
  void checksCompareAMetricWithinPoints() {
    refused(s -> withCheck(s, new CheckSpec("pgr", "d", 50, "pgr.median", ">", 0.2)),
        "labs[0].checks[0].op: expected >= or <=, got '>'");
    refused(s -> withCheck(s, new CheckSpec("pgr", "d", 5000, "pgr.median", ">=", 0.2)),
        "labs[0].checks[0].points: must be between 0 and 1000");
    refused(s -> withCheck(s, new CheckSpec("pgr", "d", 5, "pgr median", ">=", 0.2)),
        "labs[0].checks[0].metric: expected a metric name");
  }

  @Test
  void textsAndListsAreCapped() {
    refused(s -> new LabSpec(s.id(), s.version(), "t".repeat(201), s.summary(), s.computeTier(), s.limits(),
        s.params(), s.hooks(), s.checks()), "labs[0].title: 201 characters, the limit is 200");
    refused(s -> new LabSpec(s.id(), s.version(), s.title(), "s".repeat(4001), s.computeTier(), s.limits(),
        s.params(), s.hooks(), s.checks()), "labs[0].summary: 4001 characters, the limit is 4000");
    refused(s -> new LabSpec(s.id(), s.version(), s.title(), s.summary(), "tpu", s.limits(), s.params(), s.hooks(),
        s.checks()), "labs[0].computeTier: expected one of");
    refused(s -> new LabSpec(s.id(), s.version(), s.title(), s.summary(), s.computeTier(),
        new LabSpec.Limits(0, 600, 2048), s.params(), s.hooks(), s.checks()),
        "labs[0].limits.wallSeconds: must be between 1 and 86400, got 0");
    List<ParamSpec> many = new ArrayList<>();
    for (int i = 0; i < LabSpecValidator.MAX_PARAMS + 1; i++) {
      many.add(ParamSpec.intParam("p" + i, 0, 1, 0, "h"));
    }
    refused(s -> new LabSpec(s.id(), s.version(), s.title(), s.summary(), s.computeTier(), s.limits(), many,
        s.hooks(), s.checks()), "labs[0].params: 101 entries, the limit is 100");
  }

  @Test
  void aPublicationIsNotEmptyAndNamesEachLabVersionOnce() {
    assertThatThrownBy(() -> LabSpecValidator.validate(List.of()))
        .hasMessageStartingWith("body: expected a JSON array of at least one lab spec");
    assertThatThrownBy(() -> LabSpecValidator.validate(List.of(valid(), valid())))
        .hasMessageStartingWith("labs[1]: lab w2s version 2 appears twice");
    assertThatThrownBy(() -> LabSpecValidator.validate(List.of(withParam(valid(),
        ParamSpec.intParam("a", 0, 1, 0, "h"), ParamSpec.intParam("a", 0, 1, 0, "h")))))
        .hasMessageStartingWith("labs[0].params[1].name: 'a' appears twice");
  }

  private static void refused(UnaryOperator<LabSpec> change, String message) {
    assertThatThrownBy(() -> LabSpecValidator.validate(List.of(change.apply(valid()))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message.substring(0, message.indexOf(':') + 1))
        .hasMessageContaining(message);
  }

  private static LabSpec with(LabSpec s, String id, String version) {
    return new LabSpec(id, version, s.title(), s.summary(), s.computeTier(), s.limits(), s.params(), s.hooks(),
        s.checks());
  }

  private static LabSpec withParam(LabSpec s, ParamSpec... params) {
    return new LabSpec(s.id(), s.version(), s.title(), s.summary(), s.computeTier(), s.limits(), List.of(params),
        s.hooks(), s.checks());
  }

  private static LabSpec withHook(LabSpec s, HookSpec hook) {
    return new LabSpec(s.id(), s.version(), s.title(), s.summary(), s.computeTier(), s.limits(), s.params(),
        List.of(hook), s.checks());
  }

  private static LabSpec withCheck(LabSpec s, CheckSpec check) {
    return new LabSpec(s.id(), s.version(), s.title(), s.summary(), s.computeTier(), s.limits(), s.params(),
        s.hooks(), List.of(check));
  }
}
