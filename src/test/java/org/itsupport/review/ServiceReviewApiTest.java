package org.itsupport.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.itsupport.ApplicationTest;
import org.itsupport.knowledge.Articles;
import org.itsupport.browser.WebappSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The Service review page's API as Cockpit calls it: for service managers and auditors, read-only. */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceReviewApiTest {

  static final String API = "/api/cockpit/plugin/service-review/default";
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  Articles articles;

  @BeforeAll
  void theFixtureMonth() {
    FixtureMonth.ensure(engine, articles);
  }

  @Test
  void aServiceManager_getsTheMonthsFigures_theTrend_andTheLastEndedMonth() throws IOException {
    WebappSession mia = loggedIn("mia");
    JsonNode access = json(mia.get(API + "/access"), 200);
    assertThat(access.path("mayView").asBoolean()).isTrue();
    assertThat(access.path("lastEnded").asText())
        .isEqualTo(YearMonth.now(ZoneId.of("Europe/London")).minusMonths(1).toString());

    JsonNode page = json(mia.get(API + "/reviews/2025-02"), 200);
    assertThat(page.path("monthName").asText()).isEqualTo("February 2025");
    assertThat(page.path("kept").asBoolean()).isTrue();
    JsonNode report = page.path("report");
    assertThat(report.path("opened").path("total").asLong()).isEqualTo(6);
    assertThat(report.path("highPriorityShare").asDouble()).isEqualTo(16.7);
    assertThat(report.path("firstLineResolutionRate").asDouble()).isEqualTo(40.0);
    assertThat(report.path("recurringSystems").get(0).path("name").asText()).isEqualTo("LT-0042");
    assertThat(page.path("trend").findValuesAsText("month"))
        .containsExactly("2024-09", "2024-10", "2024-11", "2024-12", "2025-01", "2025-02");
    JsonNode february = page.path("trend").get(5);
    assertThat(february.path("closed").asLong()).isEqualTo(5);
    assertThat(february.path("responseSlaPercent").asDouble()).isEqualTo(80.0); // 4 of 5: T4 breached
    assertThat(february.path("resolutionSlaPercent").asDouble()).isEqualTo(100.0);
    assertThat(february.path("satisfaction").asDouble()).isEqualTo(4.3); // (4.0 + 4.3 + 4.3 + 4.5) / 4

    assertThat(json(loggedIn("audrey").get(API + "/reviews/2025-02"), 200).path("report"))
        .isEqualTo(report);
  }

  @Test
  void theCurrentMonth_isShownSoFar_andNotKept() throws IOException {
    String current = YearMonth.now(ZoneId.of("Europe/London")).toString();
    JsonNode page = json(loggedIn("mia").get(API + "/reviews/" + current), 200);
    assertThat(page.path("kept").asBoolean()).isFalse();
    assertThat(page.path("trend")).hasSize(6);
  }

  @Test
  void theCsvExport_isAnAttachment_withOneFigurePerRow() {
    HttpResponse<String> csv = loggedIn("mia").get(API + "/reviews/2025-02.csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("attachment", "service-review-2025-02.csv");
    List<String> rows = csv.body().lines().toList();
    assertThat(rows.get(0)).isEqualTo("\uFEFFmonth,section,figure,breakdown,value");
    assertThat(rows).contains("2025-02,opened,tickets,,6", "2025-02,shares,P1/P2 of opened (%),,16.7",
        "2025-02,sla,response met (%),P2,0.0", "2025-02,frequent problems,affected system,LT-0042,2",
        "2025-02,bottlenecks,median clock minutes,waiting for approval,60.0",
        "2025-02,knowledge,with an article (%),,50.0");
  }

  @Test
  void aBadMonth_answers400_namingTheField() throws IOException {
    WebappSession mia = loggedIn("mia");
    HttpResponse<String> notAMonth = mia.get(API + "/reviews/2025-13");
    assertThat(notAMonth.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(notAMonth.body()).path("message").asText())
        .startsWith("month: '2025-13' is not a month such as");
    assertThat(JSON.readTree(mia.get(API + "/reviews/2999-01").body()).path("message").asText())
        .isEqualTo("month: 2999-01 has not begun");
  }

  @Test
  void aProcessOwner_andAnAgent_getNothing_andNothingCanBeChanged() throws IOException {
    WebappSession olga = loggedIn("olga");
    assertThat(json(olga.get(API + "/access"), 200).path("mayView").asBoolean()).isFalse();
    assertThat(olga.get(API + "/reviews/2025-02").statusCode()).isEqualTo(403);
    assertThat(olga.get(API + "/reviews/2025-02.csv").statusCode()).isEqualTo(403);

    WebappSession dora = WebappSession.anonymous(port);
    assertThat(dora.login("dora", "demo")).isEqualTo(403);
    assertThat(dora.get(API + "/reviews/2025-02").statusCode()).isIn(401, 403);

    for (String method : new String[] {"POST", "PUT", "DELETE"}) {
      assertThat(loggedIn("mia").send(method, API + "/reviews/2025-02", "{}", "application/json").statusCode())
          .as(method).isEqualTo(405);
    }
  }

  private WebappSession loggedIn(String user) {
    return WebappSession.loggedIn(port, "cockpit", user);
  }

  private static JsonNode json(HttpResponse<String> response, int status) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }
}
