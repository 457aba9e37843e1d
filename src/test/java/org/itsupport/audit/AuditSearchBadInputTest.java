package org.itsupport.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.itsupport.ApplicationTest;
import org.itsupport.browser.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The auditors' search with criteria no search can take: each answered 400 naming the criterion, never 5xx,
 * in the page and in the CSV export alike.
 */
@ApplicationTest
class AuditSearchBadInputTest {

  @LocalServerPort
  int port;

  @Test
  void everyBadCriterionIsRefusedByName() {
    Map<String, List<String>> bad = Map.of(
        "status", List.of("open!", "closed;drop", "x".repeat(300), "\u0000"),
        "sla", List.of("late", "MISSED!", "\u200B"),
        "submittedFrom", List.of("yesterday", "2026-13-01T00:00:00Z", "0", "2026-11-01", "\u0000"),
        "submittedTo", List.of("tomorrow", "2026-11-31T25:00:00Z", "-1"),
        "number", List.of("2026\u0000", "x".repeat(201)),
        "requester", List.of("bob\u0000", "esc\u001B"),
        "serviceType", List.of("hard\u0000ware"),
        "priority", List.of("P\u0000"),
        "maxResults", List.of("0", "-5", "100000"),
        "firstResult", List.of("-1"));
    WebappSession audrey = WebappSession.anonymous(port);
    assertThat(audrey.login("audrey", "demo")).isEqualTo(200);
    int tried = 0;
    for (var criterion : bad.entrySet()) {
      for (String value : criterion.getValue()) {
        for (String resource : List.of("/tickets", "/tickets.csv")) {
          if (resource.endsWith(".csv") && criterion.getKey().contains("Result")) {
            continue; // the export has no pages
          }
          HttpResponse<String> answer = audrey.get(TicketAuditApiTest.API + resource + "?" + criterion.getKey() + "="
              + URLEncoder.encode(value, StandardCharsets.UTF_8));
          assertThat(answer.statusCode()).as("%s%s = %s: %s", resource, criterion.getKey(), value, answer.body())
              .isEqualTo(400);
          assertThat(answer.body()).as("%s = %s", criterion.getKey(), value).contains(criterion.getKey())
              .hasSizeLessThan(1000);
          tried++;
        }
      }
    }
    assertThat(tried).isGreaterThan(40);
    assertThat(audrey.get(TicketAuditApiTest.API + "/tickets").statusCode()).isEqualTo(200);
  }
}
