package org.ethoslab.curriculum;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small valid course written to a temp folder, which a test then breaks in exactly one place. */
final class CurriculumFixture {

  static final String COURSE = "demo/course.yaml";
  static final String MODULE = "demo/modules/01-basics/module.yaml";
  static final String LESSON = "demo/modules/01-basics/intro.md";
  static final String QUIZ = "demo/modules/01-basics/check.yaml";
  static final String LAB = "demo/modules/01-basics/lab.yaml";

  final Map<String, String> files = new LinkedHashMap<>();

  CurriculumFixture() {
    files.put(COURSE, """
        id: demo
        version: "1"
        title: Demo course
        summary: A course for tests.
        """);
    files.put(MODULE, """
        title: Basics
        summary: The basics.
        objectives:
          - Know the basics.
        items:
          - id: intro
            kind: lesson
            file: intro.md
          - id: check
            kind: quiz
            file: check.yaml
          - id: lab
            kind: lab
            file: lab.yaml
        """);
    files.put(LESSON, """
        ---
        title: Introduction
        minutes: 5
        ---
        # Introduction

        Text with a [link to the quiz](item:basics/check).
        """);
    files.put(QUIZ, """
        title: Check
        questions:
          - id: pick-one
            type: single
            prompt: Which one?
            options: [a, b, c]
            correct: 1
            explanation: Because b.
          - id: pick-some
            type: multiple
            prompt: Which ones?
            options: [a, b, c]
            correct: [0, 2]
            explanation: Because a and c.
            points: 2
          - id: number
            type: numeric
            prompt: How much?
            answer: 0.11
            tolerance: 0.01
            explanation: About a tenth.
        """);
    files.put(LAB, """
        labId: w2s
        title: Run it
        defaults:
          task: legal
          numSeeds: 5
        instructions: |
          Read [the introduction](item:basics/intro) first.
        """);
  }

  CurriculumFixture with(String path, String content) {
    files.put(path, content);
    return this;
  }

  CurriculumFixture without(String path) {
    files.remove(path);
    return this;
  }

  Path writeTo(Path root) throws IOException {
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path target = root.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
    }
    return root;
  }
}
