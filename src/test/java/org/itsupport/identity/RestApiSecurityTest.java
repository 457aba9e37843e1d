package org.itsupport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.itsupport.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import java.util.List;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpStatus;

/** The REST API answers only authenticated callers, with their own authorizations. */
@ApplicationTest
class RestApiSecurityTest {

  @Autowired
  TestRestTemplate rest;

  @Test
  void anonymousCallsAreRefused() {
    assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void wrongPasswordIsRefused() {
    // after a failed login the engine delays that user's next logins: other tests need every demo user
    assertThat(rest.withBasicAuth("nobody", "wrong").getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void answersCarryTheSecurityHeaders() {
    HttpHeaders api = rest.withBasicAuth("alice", "demo").getForEntity("/engine-rest/task/count", String.class)
        .getHeaders();
    assertThat(api.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(api.getFirst("X-Frame-Options")).isEqualTo("DENY");
    assertThat(api.getFirst("Content-Security-Policy")).contains("default-src 'none'");
    assertThat(api.getCacheControl()).startsWith("no-"); // Camunda's REST API sets no-cache itself
    // the webapps: Camunda's header security filter
    HttpHeaders tasklist = rest.getForEntity("/camunda/app/tasklist/", String.class).getHeaders();
    assertThat(tasklist.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(tasklist.getFirst("Content-Security-Policy")).isNotBlank();
  }

  @Test
  void aPageThatIsNotTheirs_showsAPlainExplanation_notSpringsWhitelabelPage() {
    HttpHeaders html = new HttpHeaders();
    html.setAccept(List.of(MediaType.TEXT_HTML));
    ResponseEntity<String> page = rest.exchange("/no-such-page", HttpMethod.GET, new HttpEntity<>(html),
        String.class);
    assertThat(page.getStatusCode().is4xxClientError()).isTrue();
    assertThat(page.getBody()).contains("This page is not available to you").doesNotContain("Whitelabel");
  }

  @Test
  void signedInCallersSeeWhatTheirAuthorizationsAllow() {
    var asAlice = rest.withBasicAuth("alice", "demo");
    assertThat(asAlice.getForEntity("/engine-rest/process-definition?key=it-support-ticket", String.class))
        .satisfies(response -> {
          assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
          assertThat(response.getBody()).contains("\"key\":\"it-support-ticket\"");
        });
    // alice may not see the decision tables; the process owner may
    assertThat(asAlice.getForEntity("/engine-rest/decision-definition", String.class).getBody()).isEqualTo("[]");
    assertThat(rest.withBasicAuth("olga", "demo").getForEntity("/engine-rest/decision-definition", String.class)
        .getBody()).contains("ticket-priority");
  }
}
