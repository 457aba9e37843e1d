package org.itsupport.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.itsupport.ApplicationTest;
import org.itsupport.browser.WebappBrowser;
import org.itsupport.model.TicketProcess;
import org.itsupport.ticket.SampleIntake;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A service manager opens a running ticket in Cockpit and finds its SLA timers, by name and with their due dates,
 * in the process instance's Jobs tab. Runs in headless Chromium: mvn verify -Pbrowser-tests.
 */
@Tag("browser")
@ApplicationTest
class SlaTimersInCockpitBrowserTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  @Test
  void aRunningTicketsSlaTimers_areListedWithTheirDueDates() {
    ProcessInstance ticket = engine.getRuntimeService().startProcessInstanceByKey(TicketProcess.KEY,
        SampleIntake.intake());
    ManagementService management = engine.getManagementService();
    management.executeJob(management.createJobQuery().processInstanceId(ticket.getId()).activityId("Task_StartSlaClocks")
        .singleResult().getId());
    Job atRisk = management.createJobQuery().processInstanceId(ticket.getId())
        .activityId(TicketProcess.RESOLUTION_AT_RISK).singleResult();
    Date due = atRisk.getDuedate();
    assertThat(due).isAfter(new Date());

    try (WebappBrowser mia = WebappBrowser.cockpit(port).logIn("mia", "demo")) {
      mia.waitUntilTextIn(By.tagName("body"), "Mia Manager"); // signed in: her name in the header
      mia.open("#/process-instance/" + ticket.getId() + "/runtime?tab=jobs-tab");
      mia.waitUntilTextIn(By.tagName("body"), atRisk.getId());
      String page = mia.driver().findElement(By.tagName("body")).getText();
      assertThat(page).contains("Due Date", "Resolution SLA at risk", "Resolution SLA breached",
          "Response SLA at risk", "Response SLA breached")
          // Cockpit writes dates in the browser's time zone, to the second
          .contains(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneId.systemDefault())
              .format(due.toInstant()));
      mia.screenshot(Path.of("target", "browser", "sla-timers.png"));
    }
  }
}
