package org.itsupport.identity;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Demo users of every role (profile "demo" only); they share one password from configuration. */
@ConfigurationProperties("itsupport.demo")
public record DemoProperties(String password, List<DemoUser> users) {

  public record DemoUser(String id, String firstName, String lastName, String email, String department,
      List<String> groups) {
  }
}
