package org.itsupport.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

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

  /** Before authentication: an oversized body is refused unread, whoever sends it. */
  @Bean
  public FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(
      @Value("${itsupport.http.max-request-size}") DataSize limit) {
    FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(new RequestSizeLimit(limit));
    registration.setName("request-size-limit");
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/camunda/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** Outside the APIs' authentication: it reads the answer after the caller's authentication has been cleared. */
  @Bean
  public FilterRegistrationBean<DirectoryWithoutEmail> directoryWithoutEmail(IdentityService identity) {
    FilterRegistrationBean<DirectoryWithoutEmail> registration =
        new FilterRegistrationBean<>(new DirectoryWithoutEmail(identity));
    registration.setName("directory-without-email");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<ApiResponseHeaders> apiResponseHeaders() {
    FilterRegistrationBean<ApiResponseHeaders> registration = new FilterRegistrationBean<>(new ApiResponseHeaders());
    registration.setName("api-response-headers");
    registration.addUrlPatterns("/engine-rest/*", "/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }
}
