package org.itsupport.database;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * Camunda's own tables, created from the PostgreSQL scripts the engine ships, as Camunda recommends for
 * production ("set up the schema yourself"), and run by Flyway so that nodes starting together on an empty
 * database take turns (Flyway locks) and the schema's history is kept beside the product's tables. The engine
 * itself only checks the schema at start ({@code camunda.bpm.database.schema-update: false}). A database whose
 * Camunda tables already exist (one the engine created before this migration existed) is left as it is. An
 * engine upgrade adds a migration that runs Camunda's upgrade script for it
 * ({@code org/camunda/bpm/engine/db/upgrade/postgres_engine_<from>_to_<to>.sql}).
 */
@Component
public class CamundaSchema implements JavaMigration {

  /** In the order the engine creates them (history and case tables refer to the engine's). */
  static final List<String> COMPONENTS = List.of("engine", "history", "identity", "case.engine", "case.history",
      "decision.engine", "decision.history");

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("3");
  }

  @Override
  public String getDescription() {
    return "Camunda 7.24 schema";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    if (hasTable(connection, "ACT_GE_PROPERTY")) {
      return;
    }
    String database = connection.getMetaData().getDatabaseProductName();
    if (!database.equals("PostgreSQL")) {
      throw new IllegalStateException("Unsupported database '" + database
          + "': the IT support workflow runs on PostgreSQL (its embedded server or yours)");
    }
    for (String component : COMPONENTS) {
      ScriptUtils.executeSqlScript(connection, new ClassPathResource(
          "org/camunda/bpm/engine/db/create/activiti.postgres.create." + component + ".sql"));
    }
  }

  private static boolean hasTable(Connection connection, String table) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    // PostgreSQL folds unquoted names to lower case
    try (ResultSet tables = metaData.getTables(connection.getCatalog(), connection.getSchema(),
        table.toLowerCase(Locale.ROOT), null)) {
      return tables.next();
    }
  }
}
