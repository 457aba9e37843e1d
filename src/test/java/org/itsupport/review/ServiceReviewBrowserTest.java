package org.itsupport.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itsupport.model.ServiceReviewProcess.*;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.itsupport.ApplicationTest;
import org.itsupport.knowledge.Articles;
import org.itsupport.browser.WebappBrowser;
import org.itsupport.identity.Roles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The review of the fixture month as the service managers hold it: its task in Tasklist with the figures, then
 * the Service review page in Cockpit with the charts, the figures and the actions agreed. An agent gets neither.
 * Runs in headless Chromium: mvn verify -Pbrowser-tests. Screenshots go to target/browser/.
 */
@Tag("browser")
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceReviewBrowserTest {

  static final Path SCREENSHOTS = Path.of("target", "browser");
  static final String FINDINGS = "Laptop LT-0042 failed twice; approvals wait an hour";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  Articles articles;

  String taskId;

  @BeforeAll
  void theFixtureMonthsReview() {
    FixtureMonth.ensure(engine, articles);
    engine.getIdentityService().setAuthentication("mia", List.of(Roles.SERVICE_MANAGERS));
    try {
      String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
          .latestVersion().singleResult().getId();
      ProcessInstance review = engine.getFormService().submitStartForm(definition,
          Map.of(REVIEW_MONTH, FixtureMonth.MONTH.toString()));
      taskId = engine.getTaskService().createTaskQuery().processInstanceId(review.getId()).singleResult().getId();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void mia_holdsTheReview_thenSeesItsChartsAndFigures_inCockpit() {
    try (WebappBrowser mia = WebappBrowser.tasklist(port).logIn("mia", "demo")) {
      mia.open("#/?task=" + taskId);
      mia.waitUntilTextIn(By.cssSelector(".fjs-container"), "Service review of 2025-02");
      String form = mia.driver().findElement(By.cssSelector(".fjs-container")).getText();
      assertThat(form).contains("Tickets: 6 opened, 5 closed", "P1/P2: 16.7 % of those opened",
          "Affected system LT-0042: 2 tickets", "waiting for approval: 1 h 0 min", "Findings", "Action 1");
      mia.screenshot(SCREENSHOTS.resolve("service-review-task.png"));
      mia.waitFor(By.linkText("Conversation")).click();
      assertThat(mia.waitFor(By.id("task-conversation-none")).getText()).contains("not about a ticket");
    }
    hold();

    try (WebappBrowser mia = WebappBrowser.cockpit(port).logIn("mia", "demo")) {
      mia.waitFor(By.id("service-review-menu"));
      mia.open("#/service-review?month=2025-02");
      mia.waitUntilAttribute(By.id("service-review"), "data-drawn", "true");
      assertThat(mia.waitFor(By.tagName("h2")).getText()).isEqualTo("Service review: February 2025");
      Object charts = mia.driver().executeScript("return [...document.querySelectorAll('canvas.service-review-canvas')]"
          + ".filter(canvas => window.Chart.getChart(canvas) && canvas.width > 0).length");
      assertThat(charts).isEqualTo(7L);
      assertThat(mia.waitFor(By.id("tile-opened")).getText()).contains("6");
      assertThat(mia.waitFor(By.id("tile-high-priority")).getText()).contains("16.7 %");
      assertThat(mia.waitFor(By.id("tile-first-line")).getText()).contains("40.0 %");
      assertThat(mia.waitFor(By.id("review-sla-table")).getText()).contains("P2 1 0.0 % 100.0 %");
      assertThat(mia.waitFor(By.id("review-satisfaction-table")).getText()).contains("expertise 4.5 met",
          "response speed 4.0 below target");
      assertThat(mia.waitFor(By.id("review-systems-table")).getText()).contains("LT-0042 2");
      assertThat(mia.waitFor(By.id("review-bottlenecks-table")).getText()).contains("waiting for approval 1 h 0 min");
      assertThat(mia.waitFor(By.id("review-knowledge-share")).getText())
          .isEqualTo("Solved at first line with an article: 1 of 2 (50.0 %)");
      assertThat(mia.waitFor(By.id("review-findings")).getText()).isEqualTo(FINDINGS);
      assertThat(mia.waitFor(By.id("review-actions-table")).getText())
          .contains("Add an approver for the desk's changes", "Carl");
      assertThat(mia.waitFor(By.id("service-review-csv")).getAttribute("href"))
          .endsWith("/reviews/2025-02.csv");
      mia.driver().manage().window().setSize(new Dimension(1400, 2600));
      mia.screenshot(SCREENSHOTS.resolve("service-review.png"));

      // the print view: the report alone, without Cockpit's header and the page's buttons
      mia.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
      assertThat(mia.driver().findElement(By.id("service-review-menu")).isDisplayed()).as("Cockpit's menu").isFalse();
      assertThat(mia.driver().findElement(By.id("service-review-print")).isDisplayed()).isFalse();
      assertThat(mia.driver().findElement(By.id("tile-opened")).isDisplayed()).isTrue();
      mia.screenshot(SCREENSHOTS.resolve("service-review-print.png"));
    }
  }

  @Test
  void dora_anAgent_cannotOpenThePage() {
    try (WebappBrowser dora = WebappBrowser.cockpit(port).logIn("dora", "demo")) {
      assertThat(dora.waitFor(By.cssSelector(".notifications .alert")).getText()).containsIgnoringCase("login");
      dora.open("#/service-review?month=2025-02");
      dora.waitFor(By.cssSelector("input[ng-model='username']"));
      assertThat(dora.isPresent(By.id("service-review"))).isFalse();
      assertThat(dora.isPresent(By.id("service-review-menu"))).isFalse();
    }
  }

  @Test
  void olga_aProcessOwner_getsNoMenuEntry_andIsRefused() {
    try (WebappBrowser olga = WebappBrowser.cockpit(port).logIn("olga", "demo")) {
      olga.open("#/service-review?month=2025-02");
      assertThat(olga.waitFor(By.className("ticket-audit-problem")).getText()).contains("READ_HISTORY");
      assertThat(olga.isPresent(By.cssSelector("canvas.service-review-canvas"))).isFalse();
      assertThat(olga.isPresent(By.id("service-review-menu"))).isFalse();
    }
  }

  /** What the meeting agreed, submitted as Tasklist does: every field of the form. */
  private void hold() {
    engine.getIdentityService().setAuthentication("mia", List.of(Roles.SERVICE_MANAGERS));
    try {
      engine.getTaskService().claim(taskId, "mia");
      String due = LocalDate.now().plusDays(21).toString();
      Map<String, Object> outcome = new HashMap<>(Map.of(REVIEW_FINDINGS, FINDINGS,
          action(1), "Add an approver for the desk's changes", actionOwner(1), "carl", actionDue(1), due,
          action(2), "Replace laptop LT-0042", actionOwner(2), "hank", actionDue(2), due));
      outcome.put(action(3), "");
      outcome.put(actionOwner(3), null);
      outcome.put(actionDue(3), null);
      engine.getTaskService().complete(taskId, outcome);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isZero();
  }
}
