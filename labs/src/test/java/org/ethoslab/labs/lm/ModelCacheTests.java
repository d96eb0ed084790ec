package org.ethoslab.labs.lm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCacheTests {
  @TempDir
  Path dir;

  private static ModelRecipe recipe(int steps) {
    return new ModelRecipe("test-model", new LmArchitecture(16, 1, 2, 16), "general/v1", 10, 1,
        new LmTrainingSettings(steps, 4, 1e-3, 0, 1, 1), null, "vocab");
  }

  @Test
  void buildsOnceThenFindsTheFolderByRecipeHash() throws Exception {
    ModelCache cache = new ModelCache(dir.resolve("cache"), dir.resolve("fallback"));
    AtomicInteger builds = new AtomicInteger();
    List<String> log = new ArrayList<>();
    Path first = cache.getOrBuild(recipe(5), d -> {
      builds.incrementAndGet();
      Files.writeString(d.resolve("weights"), "x");
    }, log::add);
    Path second = cache.getOrBuild(recipe(5), d -> builds.incrementAndGet(), log::add);
    assertThat(second).isEqualTo(first);
    assertThat(first.getFileName().toString()).isEqualTo("test-model-" + recipe(5).hash());
    assertThat(builds.get()).isEqualTo(1);
    assertThat(log.get(0)).contains("not in cache");
    assertThat(log.get(log.size() - 1)).contains("loaded from cache");
    assertThat(recipe(6).hash()).isNotEqualTo(recipe(5).hash());
    try (var files = Files.list(dir.resolve("cache"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly(first.getFileName().toString());
    }
  }

  @Test
  void aFailedBuildLeavesNothingBehind() throws Exception {
    ModelCache cache = new ModelCache(dir.resolve("cache"), dir.resolve("fallback"));
    try {
      cache.getOrBuild(recipe(5), d -> {
        Files.writeString(d.resolve("half"), "x");
        throw new IllegalStateException("boom");
      }, m -> { });
    } catch (IllegalStateException expected) {
      // the builder's failure propagates
    }
    assertThat(cache.find(recipe(5))).isNull();
    try (var files = Files.list(dir.resolve("cache"))) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void concurrentBuildersEndWithOneCompleteFolder() throws Exception {
    ModelCache cache = new ModelCache(dir.resolve("cache"), dir.resolve("fallback"));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Path>> results = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        int id = i;
        Callable<Path> task = () -> cache.getOrBuild(recipe(7), d -> {
          Files.writeString(d.resolve("weights"), "builder " + id);
          Thread.sleep(50);
        }, m -> { });
        results.add(pool.submit(task));
      }
      Path first = results.get(0).get();
      for (Future<Path> f : results) {
        assertThat(f.get()).isEqualTo(first);
      }
      assertThat(Files.readString(first.resolve("weights"))).startsWith("builder ");
      assertThat(first.resolve(ModelCache.COMPLETE)).exists();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anUnwritableCacheBuildsIntoTheFallback() throws Exception {
    Path blocker = Files.writeString(dir.resolve("a-file"), "not a directory");
    ModelCache cache = new ModelCache(blocker.resolve("cache"), dir.resolve("fallback"));
    List<String> log = new ArrayList<>();
    Path built = cache.getOrBuild(recipe(5), d -> Files.writeString(d.resolve("weights"), "x"), log::add);
    assertThat(built.getParent()).isEqualTo(dir.resolve("fallback"));
    assertThat(String.join("\n", log)).contains("not writable");
    assertThat(cache.find(recipe(5))).isEqualTo(built);
  }
}
