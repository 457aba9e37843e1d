package org.itsupport.security;

import java.util.Arrays;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Outside the demo profile the application refuses to start without configured administrator credentials:
 * otherwise the first visitor of the webapps would be asked to create the administrator. Checked before
 * any bean is created, so nothing (the engine, the web server) starts half-way.
 */
@Configuration
public class AdminCredentials {

  static final String ID = "camunda.bpm.admin-user.id";
  static final String PASSWORD = "camunda.bpm.admin-user.password";

  @Bean
  static BeanFactoryPostProcessor requireAdminCredentials() {
    return new Check();
  }

  static final class Check implements BeanFactoryPostProcessor, EnvironmentAware {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
      this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
      if (Arrays.asList(environment.getActiveProfiles()).contains("demo")) {
        return;
      }
      String id = environment.getProperty(ID);
      String password = environment.getProperty(PASSWORD);
      if (!StringUtils.hasText(id) || !StringUtils.hasText(password)) {
        throw new IllegalStateException("No administrator configured: set " + ID + " and " + PASSWORD
            + " (environment: CAMUNDA_BPM_ADMINUSER_ID and CAMUNDA_BPM_ADMINUSER_PASSWORD), or run with the demo "
            + "profile");
      }
    }
  }
}
