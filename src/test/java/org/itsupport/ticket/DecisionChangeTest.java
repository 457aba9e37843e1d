package org.itsupport.ticket;

import org.itsupport.model.TicketProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.itsupport.model.TicketVariables.PRIORITY;
import static org.itsupport.model.TicketVariables.PRIORITY_CORRECTION_REASON;
import static org.itsupport.model.TicketVariables.RESOLUTION_DUE_AT;
import static org.itsupport.model.TicketVariables.SLA_CLOCK;
import static org.itsupport.model.TicketVariables.SERVICE_TYPE;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.itsupport.ApplicationTest;
import org.itsupport.notification.Notice;
import org.itsupport.notification.NoticeOutbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A process owner deploys a new version of a table, as Camunda Modeler does: the next evaluation uses it,
 * and a table that leaves a ticket without a rule stops that ticket with an incident.
 */
@ApplicationTest
class DecisionChangeTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  RepositoryService repository;
  @Autowired
  ManagementService management;
  @Autowired
  NoticeOutbox outbox;

  String ownersDeployment;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(TicketProcessTest.SUBMITTED));
  }

  @AfterEach
  void tearDown() {
    if (ownersDeployment != null) {
      repository.deleteDeployment(ownersDeployment, true);
    }
    ClockUtil.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void aNewlyDeployedTableAppliesFromTheNextTicket() throws IOException {
    deployEdited("ticket-sla-targets", "<text>\"PT8H\"</text>", "<text>\"PT6H\"</text>");

    ProcessInstance ticket = TicketProcessTest.submit(Map.of());

    assertThat(ticket).variables().containsEntry(RESOLUTION_DUE_AT, TicketProcessTest.at(Duration.ofHours(6)));
  }

  @Test
  void aTableWithoutARuleForTheTicketRaisesAnIncident() throws IOException {
    deployEdited("ticket-routing", "<text>\"hardware\"</text>", "<text>\"printers\"</text>");
    ProcessInstance ticket = TicketProcessTest.submit(Map.of(SERVICE_TYPE, "hardware"));
    TicketProcessTest.escalateWithoutRouting(ticket);

    Job routing = job("Task_DetermineSpecialistGroup", ticket);
    management.setJobRetries(routing.getId(), 1);
    assertThatThrownBy(() -> management.executeJob(routing.getId()))
        .hasMessageContaining("The decision matched no rule, so 'specialistGroup' has no value");

    Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(ticket.getId())
        .singleResult();
    assertThat(incident.getActivityId()).isEqualTo("Task_DetermineSpecialistGroup");
    assertThat(incident.getIncidentMessage()).contains("specialistGroup");
    // the first line's work is kept: the ticket waits at routing until an operator retries
    assertThat(ticket).hasPassed(TicketProcess.DIAGNOSE_AT_FIRST_LINE).isWaitingAt("Task_DetermineSpecialistGroup");
  }

  @Test
  void aPriorityTableWithoutARuleForTheTicket_letsTheServiceDeskSetThePriority() throws IOException {
    deployEdited("ticket-priority", "<text>\"single-user\"</text>", "<text>\"nobody\"</text>");
    ProcessInstance ticket = engine.getRuntimeService().startProcessInstanceByKey(TicketProcess.KEY,
        SampleIntake.intake());

    assertThat(ticket).isWaitingAt(TicketProcess.SET_PRIORITY).variables().containsEntry(PRIORITY, null);
    assertThat(task(ticket)).hasCandidateGroup("service-desk");
    assertThat(outbox.ofTicket(ticket.getBusinessKey())).extracting(Notice::kind, Notice::recipients)
        .contains(tuple("missing-priority-rule", "process-owners"));

    claim(task(ticket), "dora");
    complete(task(ticket), Map.of(PRIORITY, "P2", PRIORITY_CORRECTION_REASON, "The whole team is blocked"));
    assertThat(ticket).variables().containsEntry(PRIORITY, "P2").containsEntry(SLA_CLOCK, "24x7")
        .containsEntry(RESOLUTION_DUE_AT, TicketProcessTest.at(Duration.ofHours(4)));
  }

  private void deployEdited(String decision, String from, String to) throws IOException {
    String table = Files.readString(Path.of("decisions", decision + ".dmn"), StandardCharsets.UTF_8);
    assertThat(table).contains(from);
    ownersDeployment = repository.createDeployment().name("process owner's change")
        .addString(decision + ".dmn", table.replace(from, to)).deploy().getId();
  }
}
