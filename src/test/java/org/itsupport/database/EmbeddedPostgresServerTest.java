package org.itsupport.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The embedded default database as a new installation gets it, and as the next start finds it. */
class EmbeddedPostgresServerTest {

  @TempDir
  Path directory;

  @Test
  void aNewDirectory_getsADurableServer_onLoopback_thatAsksForItsPassword_andKeepsItsDataOverARestart()
      throws Exception {
    Path data = directory.resolve("postgres");
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data)) {
      JdbcTemplate jdbc = new JdbcTemplate(dataSource(server.jdbcUrl(), server.password()));
      assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
      assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
      assertThat(jdbc.queryForObject("show listen_addresses", String.class)).isEqualTo("127.0.0.1");
      assertThat(jdbc.queryForObject("show server_version", String.class)).startsWith("15.");
      jdbc.execute("create table kept (id integer)");
      jdbc.update("insert into kept values (42)");

      assertThatThrownBy(() -> dataSource(server.jdbcUrl(), "guessed").getConnection().close())
          .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
    }
    Path passwordFile = directory.resolve("postgres.password");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");

    try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(data)) {
      JdbcTemplate jdbc = new JdbcTemplate(dataSource(again.jdbcUrl(), again.password()));
      assertThat(jdbc.queryForObject("select id from kept", Integer.class)).isEqualTo(42);
    }
  }

  @Test
  void aDatabaseWithoutItsPasswordFile_isNotStarted_andTheMessageSaysWhatToDo() throws Exception {
    Path data = directory.resolve("postgres");
    EmbeddedPostgresServer.start(data).close();
    Files.delete(directory.resolve("postgres.password"));

    assertThatThrownBy(() -> EmbeddedPostgresServer.start(data)).hasMessageContaining("postgres.password is missing");
  }

  private static PGSimpleDataSource dataSource(String url, String password) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(url);
    dataSource.setUser(EmbeddedPostgresServer.SUPERUSER);
    dataSource.setPassword(password);
    return dataSource;
  }
}
