package org.itsupport.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One real PostgreSQL server for the tests of this JVM: PostgreSQL's own binaries (from Maven Central),
 * listening on 127.0.0.1 only, on a free port, stopped when the JVM ends (also when it is killed: a watchdog
 * process stops the server once the JVM is gone, after the JVM's own shutdown hooks have closed the
 * application contexts that use it). Each caller gets a database of its
 * own, set up as the README asks of production: tables owned by {@link #OWNER}, who runs the migrations; the
 * application logs in as {@link #APPLICATION}, who may read and write rows only.
 */
public final class TestPostgres {

  public static final String OWNER = "itsupport_owner";
  public static final String APPLICATION = "itsupport_app";
  public static final String PASSWORD = "test";

  private static EmbeddedPostgres server;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private TestPostgres() {
  }

  /** A new, empty database; its JDBC URL. */
  public static synchronized String newDatabase() {
    JdbcTemplate admin = new JdbcTemplate(server().getPostgresDatabase());
    String name = "itsupport_" + DATABASES.incrementAndGet();
    admin.execute("create database " + name + " owner " + OWNER);
    JdbcTemplate database = new JdbcTemplate(dataSource(url(name), "postgres"));
    database.execute("grant usage on schema public to " + APPLICATION);
    database.execute("alter default privileges for role " + OWNER + " in schema public "
        + "grant select, insert, update, delete on tables to " + APPLICATION);
    return url(name);
  }

  public static PGSimpleDataSource dataSource(String url, String user) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(url);
    dataSource.setUser(user);
    dataSource.setPassword(PASSWORD);
    return dataSource;
  }

  private static String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + server().getPort() + "/" + database;
  }

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        Path data = Files.createTempDirectory("itsupport-test-postgres");
        boolean watched = new File("/bin/sh").canExecute();
        server = EmbeddedPostgres.builder()
            .setDataDirectory(data)
            .setRegisterShutdownHook(!watched)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("max_connections", "200")
            // off: what the tests check does not need the disk; the benchmark measures with it on, as in production
            .setServerConfig("fsync", System.getProperty("test.postgres.fsync", "off"))
            .start();
        if (watched) {
          stopWhenThisJvmIsGone(data);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start the test PostgreSQL server", e);
      }
      JdbcTemplate admin = new JdbcTemplate(server.getPostgresDatabase());
      for (String role : new String[] {OWNER, APPLICATION}) {
        admin.execute("create role " + role + " login password '" + PASSWORD + "'");
      }
    }
    return server;
  }

  /** A fast shutdown (SIGINT to the postmaster) once this JVM has exited, then the data directory removed. */
  private static void stopWhenThisJvmIsGone(Path data) throws IOException {
    String script = "while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null; do sleep 1; done; "
        + "kill -INT $(head -1 '" + data + "/postmaster.pid'); "
        + "while [ -f '" + data + "/postmaster.pid' ]; do sleep 1; done; rm -rf '" + data + "'";
    new ProcessBuilder("/bin/sh", "-c", script).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }
}
