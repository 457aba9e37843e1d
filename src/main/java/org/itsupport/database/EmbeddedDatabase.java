package org.itsupport.database;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Without a configured database ({@code spring.datasource.url}), the application runs on its embedded
 * PostgreSQL server ({@link EmbeddedPostgresServer}) in {@code itsupport.embedded-database.directory}.
 */
@Configuration
@Conditional(EmbeddedDatabase.NoDatabaseConfigured.class)
public class EmbeddedDatabase {

  static class NoDatabaseConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !context.getEnvironment().containsProperty("spring.datasource.url");
    }
  }

  @Bean(destroyMethod = "close")
  EmbeddedPostgresServer embeddedPostgres(@Value("${itsupport.embedded-database.directory}") Path directory) {
    return EmbeddedPostgresServer.start(directory);
  }

  /** Hikari, as Spring Boot would build it, with the pool settings of spring.datasource.hikari. */
  @Bean
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(EmbeddedPostgresServer server) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(server.jdbcUrl());
    dataSource.setUsername(server.username());
    dataSource.setPassword(server.password());
    return dataSource;
  }
}
