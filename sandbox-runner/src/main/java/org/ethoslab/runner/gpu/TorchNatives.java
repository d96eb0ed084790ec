package org.ethoslab.runner.gpu;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DJL's PyTorch natives from a local PyTorch installation instead of the CPU natives in the labs' {@code lib/}: the
 * GPU runner image sets {@code PYTORCH_LIBRARY_PATH} (libtorch from PyTorch's CUDA wheel), {@code PYTORCH_VERSION}
 * and {@code PYTORCH_FLAVOR} (DJL 0.35.1 reads exactly these names). The runner hands them to every labs child and
 * binds the installation read-only into the sandbox: the wheel's {@code site-packages} directory, because libtorch
 * finds the CUDA libraries of the {@code nvidia-*} wheels next to it through its RPATH.
 *
 * @param environment  the variables to pass on (empty when none is set)
 * @param readOnly     the directory to bind into the sandbox, if any
 */
public record TorchNatives(Map<String, String> environment, Optional<Path> readOnly) {

  /** The variables DJL's PyTorch engine reads to find and name its native library. */
  static final List<String> VARIABLES = List.of("PYTORCH_LIBRARY_PATH", "PYTORCH_VERSION", "PYTORCH_FLAVOR",
      "PYTORCH_PRECXX11");

  public TorchNatives {
    environment = Map.copyOf(environment);
  }

  /** What {@code env} (the runner's own environment) says. */
  public static TorchNatives fromEnvironment(Map<String, String> env) {
    Map<String, String> passed = new LinkedHashMap<>();
    for (String name : VARIABLES) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        passed.put(name, value.strip());
      }
    }
    Optional<Path> root = Optional.ofNullable(passed.get("PYTORCH_LIBRARY_PATH")).map(TorchNatives::installRoot);
    return new TorchNatives(passed, root);
  }

  /** {@code …/site-packages/torch/lib} binds as {@code …/site-packages}; any other layout binds as given. */
  static Path installRoot(String libraryPath) {
    Path lib = Path.of(libraryPath).toAbsolutePath().normalize();
    Path sitePackages = lib.getParent() == null ? null : lib.getParent().getParent();
    if (lib.getFileName() != null && lib.getFileName().toString().equals("lib") && sitePackages != null
        && Files.isDirectory(sitePackages.resolve("torch"))) {
      return sitePackages;
    }
    return lib;
  }
}
