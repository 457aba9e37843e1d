package org.itsupport.database;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** The tests' databases: each one new and empty, on the {@link TestPostgres} server. */
public final class TestDatabase {

  private TestDatabase() {
  }

  /** For application contexts: points spring.datasource (and Flyway) at a new database. */
  public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      TestPropertyValues.of(properties(TestPostgres.newDatabase())).applyTo(context);
    }
  }

  /** spring.datasource and spring.flyway for a test database, as a production set-up has them. */
  public static Map<String, String> properties(String url) {
    return Map.of(
        "spring.datasource.url", url,
        "spring.datasource.username", TestPostgres.APPLICATION,
        "spring.datasource.password", TestPostgres.PASSWORD,
        "spring.flyway.user", TestPostgres.OWNER,
        "spring.flyway.password", TestPostgres.PASSWORD);
  }

  /** A new database with the product's own tables (not Camunda's), for tests without the engine. */
  public static DataSource withProductTables() {
    String url = TestPostgres.newDatabase();
    Flyway.configure().dataSource(TestPostgres.dataSource(url, TestPostgres.OWNER)).locations("classpath:db/migration")
        .load().migrate();
    return TestPostgres.dataSource(url, TestPostgres.APPLICATION);
  }
}
