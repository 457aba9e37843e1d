package org.itsupport.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's REST API (/engine-rest) and ours (/api) answer only authenticated callers (HTTP Basic with a
 * Camunda user) and act with that user's authorizations. Camunda Modeler deploys decision tables this way.
 * Only /actuator/health is open; the webapps keep their own login and CSRF protection.
 */
@Configuration
public class RestApiSecurity {

  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> restApiAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*", "/api/*");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    return registration;
  }
}
