package org.itsupport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.itsupport.ApplicationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * Guessing passwords does not pay: after a wrong password the account refuses every password for a while (3 s,
 * doubling with each further failure, at most 60 s), and after 10 failures in a row it stays locked until an
 * operator unlocks it (Camunda's login delay and lock-out, on for the REST APIs and the webapps alike).
 */
@ApplicationTest
class LoginThrottleTest {

  static final String USER = "guessedat";
  static final String PASSWORD = "a-long-passphrase-2026";

  @Autowired
  TestRestTemplate rest;
  @Autowired
  IdentityService identity;

  Instant now = Instant.parse("2026-12-01T10:00:00Z");

  @BeforeEach
  void aUserWithAKnownPassword() {
    ClockUtil.setCurrentTime(Date.from(now));
    identity.deleteUser(USER);
    User user = identity.newUser(USER);
    user.setFirstName("Guessed");
    user.setLastName("At");
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(USER, Roles.SERVICE_DESK);
  }

  @AfterEach
  void cleanUp() {
    identity.deleteUser(USER);
    ClockUtil.reset();
  }

  @Test
  void afterAWrongPassword_evenTheRightOneIsRefusedForAWhile() {
    assertThat(signIn("wrong")).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(signIn(PASSWORD)).isEqualTo(HttpStatus.UNAUTHORIZED);
    later(Duration.ofSeconds(4));
    assertThat(signIn(PASSWORD)).isEqualTo(HttpStatus.OK);
  }

  @Test
  void tenWrongPasswordsInARow_lockTheAccountUntilAnOperatorUnlocksIt() {
    for (int attempt = 0; attempt < 10; attempt++) {
      assertThat(signIn("guess-" + attempt)).isEqualTo(HttpStatus.UNAUTHORIZED);
      later(Duration.ofSeconds(61)); // past the longest delay: each guess is really checked
    }
    later(Duration.ofDays(1));
    assertThat(signIn(PASSWORD)).isEqualTo(HttpStatus.UNAUTHORIZED);

    identity.unlockUser(USER);
    assertThat(signIn(PASSWORD)).isEqualTo(HttpStatus.OK);
  }

  private HttpStatusCode signIn(String password) {
    return rest.withBasicAuth(USER, password).getForEntity("/engine-rest/task/count", String.class).getStatusCode();
  }

  private void later(Duration duration) {
    now = now.plus(duration);
    ClockUtil.setCurrentTime(Date.from(now));
  }
}
