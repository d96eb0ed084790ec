package org.ethoslab.labs.lm;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ethoslab.contract.ContractJson;
import org.ethoslab.hooks.ParameterTree;
import org.ethoslab.labs.nn.BlockParameters;
import org.ethoslab.labs.nn.TinyGpt;

/**
 * A {@link TinyGpt} with its {@link WordTokenizer}: created fresh (seeded) or loaded from a folder, trained on
 * {@link ChatExample}s, scored ({@link #logLikelihood}), sampled ({@link #generate}), and read or overwritten
 * parameter by parameter as a {@link ParameterTree} — which is all model merging needs. Not thread-safe; close it.
 *
 * <p>Folder layout written by {@link #save}: {@code parameters.bin} ({@link ParameterTree} binary form),
 * {@code vocab.txt} (one token per line) and {@code model.json} (architecture and free-form provenance).
 */
public final class LanguageModel implements AutoCloseable {
  static final String PARAMETERS = "parameters.bin";
  static final String VOCAB = "vocab.txt";
  static final String INFO = "model.json";

  private final Model model;
  private final TinyGpt block;
  private final WordTokenizer tokenizer;
  private final LmArchitecture architecture;

  private LanguageModel(Model model, TinyGpt block, WordTokenizer tokenizer, LmArchitecture architecture) {
    this.model = model;
    this.block = block;
    this.tokenizer = tokenizer;
    this.architecture = architecture;
  }

  /** A freshly initialised model; the same seed gives the same weights. */
  public static LanguageModel create(LmArchitecture arch, WordTokenizer tokenizer, long seed) {
    Model model = Model.newInstance("tiny-gpt", Device.cpu(), "PyTorch");
    TinyGpt block = TinyGpt.builder().setVocab(tokenizer.size()).setContext(arch.context()).optDim(arch.dim())
        .optLayers(arch.layers()).optHeads(arch.heads()).build();
    model.setBlock(block);
    Engine.getEngine("PyTorch").setRandomSeed((int) (seed & 0x7fffffff));
    block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, arch.context()));
    return new LanguageModel(model, block, tokenizer, arch);
  }

  /** Loads what {@link #save} wrote; a missing or mismatching file is an {@link IOException} naming it. */
  public static LanguageModel load(Path dir) throws IOException {
    Info info;
    try {
      info = ContractJson.MAPPER.readValue(dir.resolve(INFO).toFile(), Info.class);
    } catch (IOException e) {
      throw new IOException(dir.resolve(INFO) + ": " + e.getMessage(), e);
    }
    WordTokenizer tokenizer = WordTokenizer.load(dir.resolve(VOCAB));
    ParameterTree params = readParameters(dir);
    LanguageModel lm = create(info.architecture(), tokenizer, 0);
    try {
      lm.setParameters(params);
    } catch (IllegalArgumentException e) {
      lm.close();
      throw new IOException(dir.resolve(PARAMETERS) + ": " + e.getMessage(), e);
    }
    return lm;
  }

  /** The parameters a saved model folder holds, read without starting the engine. */
  public static ParameterTree readParameters(Path dir) throws IOException {
    try (InputStream in = Files.newInputStream(dir.resolve(PARAMETERS))) {
      return ParameterTree.read(in);
    } catch (IOException e) {
      throw new IOException(dir.resolve(PARAMETERS) + ": " + e.getMessage(), e);
    }
  }

  /** Contents of {@code model.json}. */
  public record Info(LmArchitecture architecture, int vocabSize, Map<String, Object> provenance) {
  }

  /** Writes the model into {@code dir} (created if needed); {@code provenance} goes into {@code model.json}. */
  public void save(Path dir, Map<String, Object> provenance) throws IOException {
    Files.createDirectories(dir);
    try (OutputStream out = Files.newOutputStream(dir.resolve(PARAMETERS))) {
      parameters().write(out);
    }
    tokenizer.save(dir.resolve(VOCAB));
    ContractJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(INFO).toFile(),
        new Info(architecture, tokenizer.size(), provenance));
  }

  public WordTokenizer tokenizer() {
    return tokenizer;
  }

  public LmArchitecture architecture() {
    return architecture;
  }

  /** A copy of every parameter by name, in the block's order. */
  public ParameterTree parameters() {
    return BlockParameters.of(block);
  }

  /** Overwrites every parameter in place; the tree must have exactly this model's names and shapes. */
  public void setParameters(ParameterTree tree) {
    BlockParameters.set(block, tree);
  }

  /** Trains in place on {@code data} (see {@link LmTrainingSettings}); loss on response tokens only. */
  public TrainingReport train(List<ChatExample> data, LmTrainingSettings settings, TrainingListener listener) {
    return new LmTrainer(this, settings).train(data, listener);
  }

  /**
   * Summed log-probability of each {@code continuations[i]} (its tokens, no EOS) after {@code prompts[i]}
   * (preceded by BOS), computed in batches of {@code batchSize} rows.
   */
  public double[] logLikelihood(List<String> prompts, List<String> continuations, int batchSize) {
    return new LmInference(this).logLikelihood(prompts, continuations, batchSize);
  }

  /**
   * Continues each prompt by up to {@code maxTokens} tokens, stopping at EOS: greedy when {@code temperature} is
   * 0, else sampled from softmax(logits / temperature) with a generator seeded by {@code seed}.
   */
  public List<String> generate(List<String> prompts, int maxTokens, double temperature, long seed) {
    return new LmInference(this).generate(prompts, maxTokens, temperature, seed);
  }

  Model model() {
    return model;
  }

  TinyGpt block() {
    return block;
  }

  @Override
  public void close() {
    model.close();
  }
}
