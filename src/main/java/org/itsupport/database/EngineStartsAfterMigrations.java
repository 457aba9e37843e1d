package org.itsupport.database;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * The engine only checks its schema, which Flyway creates ({@link CamundaSchema}): Spring Boot's documented
 * hook makes the engine and its configuration wait for the migrations, as it does for JPA and jOOQ.
 * Registered in META-INF/spring.factories.
 */
public class EngineStartsAfterMigrations extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

  @Override
  protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
    return Set.of(ProcessEngine.class, ProcessEngineConfigurationImpl.class);
  }
}
