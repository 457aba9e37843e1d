package org.itsupport.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.itsupport.ItSupportApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Outside the demo profile there is no default administrator and no default password. */
class AdminCredentialsTest {

  @Test
  void outsideTheDemoProfileTheAppRefusesToStartWithoutAdminCredentials() {
    SpringApplicationBuilder app = new SpringApplicationBuilder(ItSupportApplication.class)
        .profiles("test")
        .properties("server.port=0", "spring.datasource.url=jdbc:postgresql://127.0.0.1:1/never-connected");

    assertThatThrownBy(() -> app.run().close())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No administrator configured: set camunda.bpm.admin-user.id and "
            + "camunda.bpm.admin-user.password");
  }

  @Test
  void anAdminIdWithoutItsOwnPasswordIsNotEnough() {
    SpringApplicationBuilder app = new SpringApplicationBuilder(ItSupportApplication.class)
        .profiles("test")
        .properties("server.port=0", "spring.datasource.url=jdbc:postgresql://127.0.0.1:1/never-connected", "camunda.bpm.admin-user.id=admin");

    assertThatThrownBy(() -> app.run().close()).hasMessageContaining("No administrator configured");
  }
}
