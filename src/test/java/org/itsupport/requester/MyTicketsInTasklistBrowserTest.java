package org.itsupport.requester;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.itsupport.ApplicationTest;
import org.itsupport.browser.WebappBrowser;
import org.itsupport.model.TicketProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A requester as she works in Tasklist: alice starts a ticket (her name, department and contact already filled
 * in), sees its number and when to expect a response, and finds it under "My tickets" with its status. Runs in
 * headless Chromium: mvn verify -Pbrowser-tests.
 */
@Tag("browser")
@ApplicationTest
class MyTicketsInTasklistBrowserTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  @Test
  void aRequesterSubmitsATicket_seesItsNumber_andFindsItUnderMyTickets() {
    try (WebappBrowser alice = WebappBrowser.tasklist(port).logIn("alice", "demo")) {
      alice.waitFor(By.id("my-tickets-menu"));
      alice.waitFor(By.cssSelector(".start-process-action a")).click();
      alice.waitFor(By.xpath("//a[normalize-space()='IT support ticket']")).click();

      // her profile is in the form already
      WebElement name = alice.waitFor(field("requesterName"));
      alice.waitUntilValue(field("requesterName"), "Alice Archer");
      assertThat(alice.driver().findElement(field("requesterDepartment")).getAttribute("value")).isEqualTo("Finance");
      assertThat(alice.driver().findElement(field("requesterContact")).getAttribute("value"))
          .isEqualTo("alice@example.org");
      assertThat(name.isEnabled()).isTrue();

      choose(alice, "serviceType", "Hardware");
      alice.driver().findElement(field("title")).sendKeys("Docking station shows no screen");
      alice.driver().findElement(field("description")).sendKeys("Both monitors stay black since this morning");
      alice.driver().findElement(field("affectedSystem")).sendKeys("DOCK-0815");
      alice.driver().findElement(By.xpath("//label[contains(., 'One user')]")).click();
      alice.driver().findElement(By.xpath("//label[contains(., 'Work is seriously impaired')]")).click();
      alice.driver().findElement(By.cssSelector("button[ng-click='startProcessInstance()']")).click();

      // the new ticket's number and when to expect a response, where Tasklist says only "started"
      WebElement started = alice.waitFor(By.id("my-tickets-started"));
      HistoricProcessInstance ticket = newestTicketOf("alice");
      assertThat(started.getText()).contains("Ticket " + ticket.getBusinessKey() + " received",
          "Docking station shows no screen", "Priority P", "We will respond by");
      alice.screenshot(Path.of("target", "browser", "ticket-started.png"));

      // what the job executor does a moment later: the ticket reaches the service desk's queue
      engine.getManagementService().createJobQuery().processInstanceId(ticket.getId()).list()
          .forEach(job -> engine.getManagementService().executeJob(job.getId()));
      started.findElement(By.className("my-tickets-open")).click();
      WebElement row = alice.waitFor(By.cssSelector("#my-tickets-table tr[data-ticket='" + ticket.getBusinessKey()
          + "']"));
      assertThat(row.findElement(By.className("my-tickets-status")).getText()).isEqualTo("With the service desk");
      assertThat(row.findElement(By.className("my-tickets-waiting")).getText()).isEqualTo("the service desk");
      alice.screenshot(Path.of("target", "browser", "my-tickets.png"));
    }
  }

  @Test
  void anAgentReadsTheConversationOnHerTask_andWritesToTheRequester() {
    org.camunda.bpm.engine.runtime.ProcessInstance ticket = engine.getRuntimeService()
        .startProcessInstanceByKey(TicketProcess.KEY, org.itsupport.ticket.SampleIntake.intake());
    engine.getManagementService().createJobQuery().processInstanceId(ticket.getId()).list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    String task = engine.getTaskService().createTaskQuery().processInstanceId(ticket.getId()).singleResult().getId();
    engine.getTaskService().claim(task, "dora");

    try (WebappBrowser dora = WebappBrowser.tasklist(port).logIn("dora", "demo")) {
      dora.waitFor(By.id("my-tickets-menu"));
      dora.open("#/?task=" + task + "&detailsTab=my-tickets-conversation");
      dora.waitUntilTextIn(By.id("task-conversation-messages"), "Ticket " + ticket.getBusinessKey() + " received");
      dora.waitFor(By.id("task-conversation-text")).sendKeys("Is the laptop docked or on battery?");
      dora.driver().findElement(By.id("task-conversation-send")).click();
      dora.waitUntilTextIn(By.id("task-conversation-messages"), "Is the laptop docked or on battery?");
      assertThat(dora.driver().findElement(By.id("task-conversation-messages")).getText())
          .contains("a message from Dora Desk");
      dora.screenshot(Path.of("target", "browser", "task-conversation.png"));
    }
  }

  private static By field(String key) {
    return By.cssSelector("[id$='-Field_" + key + "']"); // form-js: fjs-form-<form>-<component id>
  }

  private static void choose(WebappBrowser browser, String key, String label) {
    browser.driver().findElement(By.cssSelector("[id$='-Field_" + key + "-display']")).click();
    browser.waitFor(By.xpath("//*[contains(@class, 'fjs-dropdownlist-item') and normalize-space()='" + label + "']"))
        .click();
  }

  private HistoricProcessInstance newestTicketOf(String requester) {
    List<HistoricProcessInstance> tickets = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(TicketProcess.KEY).variableValueEquals("requesterId", requester)
        .orderByProcessInstanceStartTime().desc().listPage(0, 1);
    assertThat(tickets).isNotEmpty();
    return tickets.get(0);
  }
}
