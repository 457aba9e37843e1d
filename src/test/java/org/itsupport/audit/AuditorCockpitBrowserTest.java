package org.itsupport.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.camunda.bpm.engine.ProcessEngine;
import org.itsupport.ApplicationTest;
import org.itsupport.audit.AuditedTickets.AuditedTicket;
import org.itsupport.browser.WebappBrowser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An auditor finds a closed ticket in Cockpit and reads its trail; other people do not get the pages.
 * Runs in headless Chromium: mvn verify -Pbrowser-tests. Screenshots go to target/browser/.
 */
@Tag("browser")
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditorCockpitBrowserTest {

  static final Path SCREENSHOTS = Path.of("target", "browser");

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  AuditedTicket ticket;

  @BeforeAll
  void closedTicket() {
    ticket = new AuditedTickets(engine).createClosedTicket();
  }

  @Test
  void theAuditor_findsTheClosedTicketByNumber_andReadsItsTrail() {
    try (WebappBrowser audrey = WebappBrowser.cockpit(port).logIn("audrey", "demo")) {
      audrey.waitFor(By.id("ticket-audit-menu")).click();

      WebElement form = audrey.waitFor(By.id("ticket-search-form"));
      form.findElement(By.name("number")).sendKeys(ticket.number());
      form.findElement(By.name("status")).sendKeys("closed");
      form.findElement(By.cssSelector("button[type='submit']")).click();
      audrey.waitUntilTextIn(By.id("ticket-search-count"), "1–1 of 1");
      audrey.screenshot(SCREENSHOTS.resolve("ticket-search.png"));
      audrey.waitFor(By.linkText(ticket.number())).click();

      audrey.waitFor(By.id("ticket-trail"));
      assertThat(audrey.waitFor(By.id("trail-summary")).getText())
          .contains("P2 (corrected from P3: " + AuditedTickets.CORRECTION_REASON_TEXT + ")");
      String approvals = audrey.waitFor(By.id("trail-approvals-table")).getText();
      assertThat(approvals).contains("carl", "reject", AuditedTickets.REJECTION_REASON_TEXT, "approve");
      String slaEvents = audrey.waitFor(By.id("trail-sla-events-table")).getText();
      assertThat(slaEvents).contains("breach", "acted on breach", AuditedTickets.BREACH_ACTION_TEXT, "mia",
          "paused", "resumed");
      assertThat(audrey.waitFor(By.id("trail-operations-table")).getText()).contains("Assign", "nick", "carl");
      assertThat(audrey.waitFor(By.id("trail-decisions-table")).getText()).contains("ticket-priority", "v1");
      assertThat(audrey.waitFor(By.id("trail-conversation-table")).getText())
          .contains("received", "Ticket " + ticket.number() + " received", "alice@example.org");
      audrey.waitUntilAttribute(By.id("trail-diagram"), "data-drawn", "true");
      assertThat(audrey.driver().findElements(By.cssSelector("#trail-diagram .ticket-audit-taken"))).isNotEmpty();
      audrey.driver().manage().window().setSize(new Dimension(1600, 2000)); // down to the SLA events
      audrey.screenshot(SCREENSHOTS.resolve("ticket-trail.png"));
    }
  }

  @Test
  void aProcessOwner_inCockpit_seesNoTicketsMenu_andIsRefusedTheTrail() {
    try (WebappBrowser olga = WebappBrowser.cockpit(port).logIn("olga", "demo")) {
      olga.open("#/tickets/" + ticket.number());
      assertThat(olga.waitFor(By.className("ticket-audit-problem")).getText()).contains("auditors");
      assertThat(olga.isPresent(By.id("ticket-trail"))).isFalse();
      assertThat(olga.isPresent(By.id("ticket-audit-menu"))).isFalse();
      olga.screenshot(SCREENSHOTS.resolve("refused.png"));
    }
  }

  @Test
  void anAgent_isNotLetIntoCockpit() {
    try (WebappBrowser dora = WebappBrowser.cockpit(port).logIn("dora", "demo")) {
      assertThat(dora.waitFor(By.cssSelector(".notifications .alert")).getText()).containsIgnoringCase("login");
      dora.screenshot(SCREENSHOTS.resolve("agent.png"));
      dora.open("#/tickets/" + ticket.number());
      dora.waitFor(By.cssSelector("input[ng-model='username']"));
      assertThat(dora.isPresent(By.id("ticket-trail"))).isFalse();
      assertThat(dora.isPresent(By.id("ticket-audit-menu"))).isFalse();
    }
  }
}
