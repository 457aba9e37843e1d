package org.itsupport.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default database: a PostgreSQL server that the application starts itself, from PostgreSQL's
 * binaries on its class path (Maven Central), with its data in a directory of its own ({@code ./data/postgres}).
 * It listens on 127.0.0.1 only, on a free port, and asks for a password that was generated when the directory
 * was created and is kept beside it, readable by its owner only. Commits are on disk before they are
 * acknowledged (fsync and synchronous commit on), so neither a killed application nor a lost machine loses a
 * ticket it confirmed.
 * <p>
 * The server is a process of its own. When the application stops it stops the server; when the application is
 * killed, the server runs on until the next start, which stops it before starting it again.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  static final String SUPERUSER = "postgres";
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final Duration STOP_WAIT = Duration.ofMinutes(1);

  private final EmbeddedPostgres server;
  private final String password;

  private EmbeddedPostgresServer(EmbeddedPostgres server, String password) {
    this.server = server;
    this.password = password;
  }

  /** Starts the server on {@code directory}, creating the database cluster there on the first start. */
  public static EmbeddedPostgresServer start(Path directory) {
    Path data = directory.toAbsolutePath().normalize();
    Path passwordFile = data.resolveSibling(data.getFileName() + ".password");
    try {
      stopLeftOverServer(data);
      boolean created = !Files.exists(data.resolve("postgresql.conf"));
      String password = created ? newPassword(passwordFile) : readPassword(passwordFile, data);
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setDataDirectory(data)
          .setCleanDataDirectory(false)
          .setRegisterShutdownHook(false)
          .setPGStartupWait(Duration.ofMinutes(2))
          .setServerConfig("listen_addresses", "127.0.0.1")
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("max_connections", "100")
          .setConnectConfig("password", password);
      if (created) {
        // initdb takes these as --auth and --pwfile: no connection without the password, from the first start
        builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", passwordFile.toString());
        LOG.info("Creating the embedded PostgreSQL database in {}", data);
      }
      EmbeddedPostgres server = builder.start();
      LOG.info("Embedded PostgreSQL server on 127.0.0.1:{}, data in {}: database and user {}, password in {}",
          server.getPort(), data, SUPERUSER, passwordFile);
      return new EmbeddedPostgresServer(server, password);
    } catch (IOException e) {
      throw new UncheckedIOException("The embedded PostgreSQL server did not start on " + data + ": " + e.getMessage(),
          e);
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres";
  }

  public String username() {
    return SUPERUSER;
  }

  public String password() {
    return password;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  /**
   * A server that a killed application left running on the directory (its postmaster.pid names a live process):
   * stopped as PostgreSQL recommends (SIGTERM), or killed if it does not stop, which PostgreSQL recovers from.
   */
  private static void stopLeftOverServer(Path data) throws IOException {
    Path pidFile = data.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    Optional<ProcessHandle> postmaster = Files.readAllLines(pidFile).stream().findFirst()
        .map(String::trim).filter(pid -> pid.matches("\\d+")).flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
        .filter(ProcessHandle::isAlive)
        .filter(process -> process.info().command().map(command -> command.contains("postgres")).orElse(true));
    if (postmaster.isEmpty()) {
      return;
    }
    LOG.warn("The embedded PostgreSQL server of a previous run is still running (pid {}); stopping it first",
        postmaster.get().pid());
    postmaster.get().destroy();
    try {
      postmaster.get().onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception notStopped) {
      postmaster.get().destroyForcibly();
    }
  }

  private static String newPassword(Path passwordFile) throws IOException {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Files.createDirectories(passwordFile.getParent());
    Files.deleteIfExists(passwordFile);
    try {
      Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(passwordFile);
    }
    Files.writeString(passwordFile, password);
    return password;
  }

  private static String readPassword(Path passwordFile, Path data) throws IOException {
    if (!Files.exists(passwordFile)) {
      throw new IOException("its password file " + passwordFile + " is missing; restore it from the backup of "
          + data.getParent() + ", or move " + data + " away to start with a new, empty database");
    }
    return Files.readString(passwordFile).trim();
  }
}
