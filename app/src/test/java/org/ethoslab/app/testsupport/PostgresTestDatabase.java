package org.ethoslab.app.testsupport;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh, empty PostgreSQL database for one test run: {@code ethoslab_test_<random>} created on the local server
 * (default {@code 127.0.0.1:5432}, user {@code postgres}, trust auth) and dropped again on {@link #close()} or, for
 * the {@linkplain #shared() shared instance}, when the test JVM exits.
 *
 * <p>Host, port, user and password can be overridden with the system properties or environment variables
 * {@code ethoslab.test.pg.host/port/user/password} ({@code ETHOSLAB_TEST_PG_HOST}, …). When no server answers, the
 * calling test is skipped with a message saying what to install, or fails when
 * {@code ETHOSLAB_REQUIRE_REAL_SERVICES=true}.
 *
 * <p>Typical use in a Spring Boot test:
 * <pre>{@code
 * @DynamicPropertySource
 * static void postgres(DynamicPropertyRegistry registry) {
 *   PostgresTestDatabase.shared().registerWith(registry);
 * }
 * }</pre>
 */
public final class PostgresTestDatabase implements AutoCloseable {

  private static final String INSTALL_HINT = "PostgreSQL is not reachable at %s:%s as user %s. Install PostgreSQL "
      + "(Debian: apt-get install postgresql), start it and allow the user to connect from 127.0.0.1 "
      + "(or set ETHOSLAB_TEST_PG_HOST/PORT/USER/PASSWORD).";

  private static PostgresTestDatabase shared;

  private final String host;
  private final String port;
  private final String user;
  private final String password;
  private final String name;
  private boolean dropped;

  private PostgresTestDatabase(String host, String port, String user, String password, String name) {
    this.host = host;
    this.port = port;
    this.user = user;
    this.password = password;
    this.name = name;
  }

  /**
   * One database for the whole test JVM, created on first use and dropped at JVM exit. Spring contexts are cached
   * across test classes, so a database that outlived one class must stay until the JVM ends.
   */
  public static synchronized PostgresTestDatabase shared() {
    if (shared == null) {
      shared = create();
      PostgresTestDatabase db = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(db::close, "drop-" + db.name));
    }
    return shared;
  }

  /** True when a PostgreSQL server answers with the configured credentials (no database is created). */
  public static boolean serverAvailable() {
    try (Connection ignored = adminConnection(setting("host", "127.0.0.1"), setting("port", "5432"),
        setting("user", "postgres"), setting("password", ""))) {
      return true;
    }
    catch (SQLException ex) {
      return false;
    }
  }

  /**
   * Creates a new database; skips (or in CI fails) the calling test when the server is missing. The caller must
   * {@link #close()} it.
   */
  public static PostgresTestDatabase create() {
    String host = setting("host", "127.0.0.1");
    String port = setting("port", "5432");
    String user = setting("user", "postgres");
    String password = setting("password", "");
    RealServices.assumeAvailable(serverAvailable(), String.format(INSTALL_HINT, host, port, user));
    byte[] random = new byte[6];
    new SecureRandom().nextBytes(random);
    String name = "ethoslab_test_" + HexFormat.of().formatHex(random);
    try (Connection connection = adminConnection(host, port, user, password);
         Statement statement = connection.createStatement()) {
      statement.execute("create database " + name);
    }
    catch (SQLException ex) {
      throw new IllegalStateException("Could not create test database " + name + ": " + ex.getMessage(), ex);
    }
    return new PostgresTestDatabase(host, port, user, password, name);
  }

  public String databaseName() {
    return name;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + name;
  }

  public String username() {
    return user;
  }

  public String password() {
    return password;
  }

  /** Opens a plain JDBC connection to this database (for migration checks outside Spring). */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), credentials(user, password));
  }

  /** Points Spring's datasource at this database. */
  public void registerWith(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", this::jdbcUrl);
    registry.add("spring.datasource.username", this::username);
    registry.add("spring.datasource.password", this::password);
  }

  /** Drops the database, closing any connections still open to it. Safe to call twice. */
  @Override
  public synchronized void close() {
    if (dropped) {
      return;
    }
    try (Connection connection = adminConnection(host, port, user, password);
         Statement statement = connection.createStatement()) {
      // WITH (FORCE) (PostgreSQL 13+) ends connections a cached Spring context may still hold.
      statement.execute("drop database if exists " + name + " with (force)");
      dropped = true;
    }
    catch (SQLException ex) {
      System.err.println("Could not drop test database " + name + ": " + ex.getMessage());
    }
  }

  private static Connection adminConnection(String host, String port, String user, String password)
      throws SQLException {
    Properties props = credentials(user, password);
    props.setProperty("connectTimeout", "3");
    return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", props);
  }

  private static Properties credentials(String user, String password) {
    Properties props = new Properties();
    props.setProperty("user", user);
    if (!password.isEmpty()) {
      props.setProperty("password", password);
    }
    return props;
  }

  private static String setting(String key, String fallback) {
    String fromProperty = System.getProperty("ethoslab.test.pg." + key);
    if (fromProperty != null) {
      return fromProperty;
    }
    String fromEnv = System.getenv("ETHOSLAB_TEST_PG_" + key.toUpperCase());
    return fromEnv != null ? fromEnv : fallback;
  }
}
