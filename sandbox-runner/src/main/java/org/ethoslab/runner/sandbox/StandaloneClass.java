package org.ethoslab.runner.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Copies the class file of a self-contained class (JDK only, no nested classes) into a directory, so that it can run
 * in a child JVM from there: the runner's own jar may sit inside another (the app's Spring Boot jar) where no child
 * could use it as a class path.
 */
public final class StandaloneClass {

  private StandaloneClass() {
  }

  /** Writes {@code type}'s class file under {@code classes} (package directories included); returns {@code classes}. */
  public static Path copy(Class<?> type, Path classes) throws IOException {
    String resource = type.getName().replace('.', '/') + ".class";
    Path file = classes.resolve(resource);
    Files.createDirectories(file.getParent());
    try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("class file " + resource + " not found on the runner's class path");
      }
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    return classes;
  }
}
