package org.itsupport.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.itsupport.database.TestDatabase;
import org.itsupport.database.TestPostgres;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The database the benchmark runs on: {@code -Dbench.database=embedded} (default: the product's embedded
 * PostgreSQL server, as a new installation starts it), {@code server} (a PostgreSQL server of its own, the one
 * the tests use, here with fsync on as in production), or an existing PostgreSQL database given by
 * {@code -Dbench.datasource.url}, {@code .username} and {@code .password} (its login must be allowed to create
 * tables; only the start-up figures then start on a database that is not new).
 */
final class BenchDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static final Path BENCH_DIRECTORY = Path.of("target", "bench");

  static String name() {
    return System.getProperty("bench.datasource.url") != null ? "external"
        : System.getProperty("bench.database", "embedded");
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertyValues.of(newDatabase()).applyTo(context);
  }

  /**
   * Each run's embedded database is new, about half a GiB after a run: those of earlier runs go, unless their
   * server still runs (its postmaster.pid is there).
   */
  private static void removeStoppedEmbeddedDatabases() {
    try (DirectoryStream<Path> earlier = Files.newDirectoryStream(BENCH_DIRECTORY, "embedded-*")) {
      for (Path database : earlier) {
        if (Files.isDirectory(database) && !Files.exists(database.resolve("postmaster.pid"))) {
          FileSystemUtils.deleteRecursively(database);
          Files.deleteIfExists(database.resolveSibling(database.getFileName() + ".password"));
        }
      }
    } catch (NoSuchFileException first) {
      // no run before this one
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** spring.datasource (and Flyway) properties of a new database, for the benchmark or the application it starts. */
  static Map<String, String> newDatabase() {
    Map<String, String> properties = new HashMap<>();
    switch (name()) {
      case "external" -> {
        properties.put("spring.datasource.url", System.getProperty("bench.datasource.url"));
        properties.put("spring.datasource.username", System.getProperty("bench.datasource.username", ""));
        properties.put("spring.datasource.password", System.getProperty("bench.datasource.password", ""));
      }
      case "server" -> {
        System.setProperty("test.postgres.fsync", System.getProperty("test.postgres.fsync", "on"));
        properties.putAll(TestDatabase.properties(TestPostgres.newDatabase()));
      }
      case "embedded" -> {
        removeStoppedEmbeddedDatabases();
        properties.put("itsupport.embedded-database.directory", BENCH_DIRECTORY.resolve("embedded-" + UUID.randomUUID())
            .toString());
      }
      default -> throw new IllegalArgumentException("bench.database is embedded or server, not " + name());
    }
    return properties;
  }
}
