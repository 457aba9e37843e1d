package org.itsupport.database;

import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database the tests run on: H2 in memory, or, with {@code -Dtest.database=postgres} (the build's
 * {@code postgres} test run), a database of its own on the {@link TestPostgres} server.
 */
public final class TestDatabase {

  private TestDatabase() {
  }

  public static boolean postgres() {
    return "postgres".equals(System.getProperty("test.database"));
  }

  /** For application contexts: points spring.datasource (and Flyway) at the test database. */
  public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      if (postgres()) {
        TestPropertyValues.of(properties(TestPostgres.newDatabase())).applyTo(context);
      }
    }
  }

  /** spring.datasource and spring.flyway for a PostgreSQL test database, as a production set-up has them. */
  public static Map<String, String> properties(String postgresUrl) {
    return Map.of(
        "spring.datasource.url", postgresUrl,
        "spring.datasource.username", TestPostgres.APPLICATION,
        "spring.datasource.password", TestPostgres.PASSWORD,
        "spring.flyway.user", TestPostgres.OWNER,
        "spring.flyway.password", TestPostgres.PASSWORD);
  }

  /** A new, empty database with the product's own tables (not Camunda's), for tests without the engine. */
  public static DataSource withProductTables() {
    DataSource owner;
    DataSource application;
    if (postgres()) {
      String url = TestPostgres.newDatabase();
      owner = TestPostgres.dataSource(url, TestPostgres.OWNER);
      application = TestPostgres.dataSource(url, TestPostgres.APPLICATION);
    } else {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
      owner = h2;
      application = h2;
    }
    Flyway.configure().dataSource(owner).locations("classpath:db/migration").load().migrate();
    return application;
  }
}
