package org.ethoslab.labs.merging;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ethoslab.contract.job.Seeds;
import org.ethoslab.hooks.ParameterTree;
import org.ethoslab.hooks.channel.HookOutcome;
import org.ethoslab.hooks.merging.MergeMethod;
import org.ethoslab.hooks.merging.MergeSettings;
import org.ethoslab.labs.core.Hook;
import org.ethoslab.labs.core.ProbeAgreement;
import org.ethoslab.labs.core.StudentHooks;

/**
 * Random parameter trees on which the trusted phase calls the student's merge hooks and the references, drawn from
 * the hidden evaluation seed, which the run never sees. Trees have 1–4 tensors of rank
 * 1–3 with names like those of the tiny GPT; settings vary per probe; every sixth probe has a model whose tensor
 * has another shape or is missing, where the hook must throw (any exception counts as the expected error).
 */
final class MergeProbes {
  static final int COUNT = 24;
  /** Agreement tolerance per entry: |got − expected| ≤ TOL·(1 + |expected|). */
  static final double TOL = 1e-4;

  /** One probe: the base, the models (domain first) and the settings. */
  record Probe(ParameterTree base, List<ParameterTree> models, MergeSettings settings) {
  }

  private MergeProbes() {
  }

  static List<Probe> inputs(long evalSeed, MergeHook hook) {
    SplittableRandom rng = new SplittableRandom(Seeds.derive(evalSeed, "mergealign-probes-" + hook.hookName()));
    List<Probe> out = new ArrayList<>();
    for (int p = 0; p < COUNT; p++) {
      int tensors = 1 + rng.nextInt(4);
      List<String> names = new ArrayList<>();
      List<long[]> shapes = new ArrayList<>();
      for (int k = 0; k < tensors; k++) {
        names.add("layer" + k + "_" + List.of("qkv_weight", "mlp_bias", "ln_gamma", "head_weight")
            .get(rng.nextInt(4)) + "_" + p);
        int rank = 1 + rng.nextInt(3);
        long[] shape = new long[rank];
        for (int d = 0; d < rank; d++) {
          shape[d] = 1 + rng.nextInt(5);
        }
        shapes.add(shape);
      }
      ParameterTree base = tree(names, shapes, null, rng, 1.0);
      int numModels = hook.twoModelsOnly() || p % 3 != 2 ? 2 : 3;
      List<ParameterTree> models = new ArrayList<>();
      for (int i = 0; i < numModels; i++) {
        models.add(tree(names, shapes, base, rng, p % 5 == 4 ? 0.0 : 0.3));
      }
      if (p % 6 == 5) {
        models.set(1, broken(models.get(1), rng));
      }
      double[] weights = new double[numModels];
      for (int i = 0; i < numModels; i++) {
        weights[i] = 0.25 + rng.nextDouble() * 1.5;
      }
      MergeSettings settings = new MergeSettings(rng.nextDouble(), weights, 0.5 + rng.nextDouble(),
          0.1 + 0.9 * rng.nextDouble(), hook == MergeHook.DARE && p % 2 == 1, rng.nextDouble(),
          rng.nextLong());
      out.add(new Probe(base, models, settings));
    }
    return out;
  }

  /** A tree of the given layout: fresh values, or {@code around} plus noise of scale {@code noise}. */
  private static ParameterTree tree(List<String> names, List<long[]> shapes, ParameterTree around,
                   SplittableRandom rng, double noise) {
    Map<String, ParameterTree.Tensor> map = new LinkedHashMap<>();
    for (int k = 0; k < names.size(); k++) {
      long n = 1;
      for (long d : shapes.get(k)) {
        n *= d;
      }
      float[] v = new float[(int) n];
      for (int j = 0; j < v.length; j++) {
        double x = rng.nextDouble() * 2 - 1;
        v[j] = around == null ? (float) x : (float) (around.get(names.get(k)).values()[j] + noise * x);
      }
      map.put(names.get(k), new ParameterTree.Tensor(shapes.get(k).clone(), v));
    }
    return new ParameterTree(map);
  }

  /** The same tree with one tensor reshaped to a different size, or dropped. */
  private static ParameterTree broken(ParameterTree tree, SplittableRandom rng) {
    Map<String, ParameterTree.Tensor> map = new LinkedHashMap<>(tree.asMap());
    String victim = new ArrayList<>(map.keySet()).get(rng.nextInt(map.size()));
    if (rng.nextBoolean() && map.size() > 1) {
      map.remove(victim);
    } else {
      ParameterTree.Tensor t = map.get(victim);
      float[] v = java.util.Arrays.copyOf(t.values(), t.numel() + 1);
      map.put(victim, new ParameterTree.Tensor(new long[] {v.length}, v));
    }
    return new ParameterTree(map);
  }

  /** Share of probes where the student's hook agrees with the reference (values within {@link #TOL}, or both threw). */
  static double agreement(StudentHooks hooks, long evalSeed, MergeHook hook) throws IOException {
    List<Object[]> args = new ArrayList<>();
    for (Probe p : inputs(evalSeed, hook)) {
      args.add(new Object[] {p.base(), p.models(), p.settings()});
    }
    Hook<MergeMethod> student = hooks.hook(hook.hookName(), MergeMethod.class, hook.reference());
    return ProbeAgreement.share(student, Hook.reference(hook.hookName(), MergeMethod.class, hook.reference()),
        args, MergeProbes::matches);
  }

  /** Any exception counts on a broken probe, where it is the expected answer; elsewhere it is a mismatch. */
  static boolean matches(HookOutcome got, HookOutcome expected) {
    if (expected.threw()) {
      return got.threw();
    }
    if (got.threw() || !(got.value() instanceof ParameterTree a) || !(expected.value() instanceof ParameterTree b)
        || !a.names().equals(b.names())) {
      return false;
    }
    for (String name : b.names()) {
      float[] x = a.get(name).values();
      float[] y = b.get(name).values();
      if (x.length != y.length) {
        return false;
      }
      for (int j = 0; j < y.length; j++) {
        if (!(Math.abs(x[j] - y[j]) <= TOL * (1 + Math.abs(y[j])))) {
          return false;
        }
      }
    }
    return true;
  }
}
