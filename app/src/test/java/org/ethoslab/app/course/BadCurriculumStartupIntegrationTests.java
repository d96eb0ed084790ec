package org.ethoslab.app.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import org.ethoslab.app.EthosLabApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A malformed curriculum file stops the application start with a message naming the file and line, and the
 * database holds no course afterwards: nothing is half-loaded.
 */
class BadCurriculumStartupIntegrationTests {

  @TempDir
  Path curriculum;

  @Test
  void malformedCourseFileStopsTheStartAndImportsNothing() throws Exception {
    Path course = Files.createDirectories(curriculum.resolve("broken-course"));
    Files.writeString(course.resolve("course.yaml"), """
        id: broken-course
        version: "1"
        title: A course with a broken file
        summary: [this list is never closed
        """);
    // A file database like the default one, so what the failed start left behind can be inspected afterwards.
    String url = "jdbc:h2:file:" + curriculum.resolve("db").toAbsolutePath();

    assertThatThrownBy(() -> new SpringApplicationBuilder(EthosLabApplication.class)
        .run("--server.port=0", "--spring.datasource.url=" + url, "--ethoslab.curriculum.directory=" + curriculum,
            "--ethoslab.runner.embedded.enabled=false").close())
        .rootCause()
        .satisfies(root -> assertThat(root.getMessage()).containsPattern("broken-course/course\\.yaml:\\d+"));
    assertThatThrownBy(() -> new SpringApplicationBuilder(EthosLabApplication.class)
        .run("--server.port=0", "--spring.datasource.url=" + url, "--ethoslab.curriculum.directory=" + curriculum,
            "--ethoslab.runner.embedded.enabled=false").close())
        .hasStackTraceContaining("nothing was imported");

    try (Connection connection = DriverManager.getConnection(url, "sa", "");
         ResultSet rs = connection.createStatement().executeQuery("select count(*) from course")) {
      rs.next();
      assertThat(rs.getLong(1)).isZero();
    }
  }
}
