package org.ethoslab.runner.executor;

/** The smallest Java program, started by {@link SandboxStartBenchmark} plainly and through the sandbox. */
public final class BenchmarkHello {

  private BenchmarkHello() {
  }

  public static void main(String[] args) {
    System.out.println("hello");
  }
}
