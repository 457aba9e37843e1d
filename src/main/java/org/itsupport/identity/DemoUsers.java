package org.itsupport.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.itsupport.requester.Profiles;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Creates the demo users and their group memberships when the "demo" profile is active. */
@Component
@Profile("demo")
@Order(2)
@EnableConfigurationProperties(DemoProperties.class)
public class DemoUsers implements ApplicationRunner {

  private final IdentityService identity;
  private final DemoProperties demo;

  public DemoUsers(IdentityService identity, DemoProperties demo) {
    this.identity = identity;
    this.demo = demo;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!StringUtils.hasText(demo.password())) {
      throw new IllegalStateException("itsupport.demo.password: set a password for the demo users");
    }
    for (DemoProperties.DemoUser demoUser : demo.users()) {
      if (identity.createUserQuery().userId(demoUser.id()).count() == 0) {
        User user = identity.newUser(demoUser.id());
        user.setFirstName(demoUser.firstName());
        user.setLastName(demoUser.lastName());
        user.setEmail(demoUser.email());
        user.setPassword(demo.password());
        identity.saveUser(user);
      }
      if (demoUser.department() != null
          && !demoUser.department().equals(identity.getUserInfo(demoUser.id(), Profiles.DEPARTMENT))) {
        identity.setUserInfo(demoUser.id(), Profiles.DEPARTMENT, demoUser.department());
      }
      for (String group : demoUser.groups()) {
        if (identity.createUserQuery().userId(demoUser.id()).memberOfGroup(group).count() == 0) {
          identity.createMembership(demoUser.id(), group);
        }
      }
    }
  }
}
