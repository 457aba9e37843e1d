package org.itsupport.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itsupport.model.TicketVariables.*;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.itsupport.ApplicationTest;
import org.itsupport.model.ProblemProcess;
import org.itsupport.model.TicketProcess;
import org.itsupport.shared.JsonVariables;
import org.itsupport.ticket.SampleIntake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Recurring tickets open a problem investigation by the process owner's thresholds (problem-thresholds.dmn), once
 * per cluster, and later tickets of the cluster are linked to it; on the engine clock. Each test has clusters of
 * its own (affected systems and departments no other test uses) in March 2025.
 */
@ApplicationTest
class ProblemManagementTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  Problems problems;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void threeTicketsOnOneSystemWithinTwoWeeks_openOneInvestigation_laterTicketsAreLinked_andSeeTheWorkaround() {
    String first = ticket("2025-03-03T09:00:00Z", "hardware", "PRJ-8", "Projector test A");
    String second = ticket("2025-03-10T09:00:00Z", "hardware", "PRJ-8", "Projector test B");
    assertThat(investigations("prj-8")).isEmpty();
    String third = ticket("2025-03-14T09:00:00Z", "hardware", " prj-8 ", "Projector test C"); // the same system
    List<ProcessInstance> opened = investigations("prj-8");
    assertThat(opened).hasSize(1);
    String problem = opened.get(0).getBusinessKey();
    assertThat(problems.tickets(problem)).containsExactly(first, second, third);
    assertThat(problems.find(problem).orElseThrow().group()).isEqualTo("hardware-support");
    Task investigate = engine.getTaskService().createTaskQuery().processInstanceId(opened.get(0).getId())
        .taskDefinitionKey(ProblemProcess.INVESTIGATE).singleResult();
    assertThat(engine.getTaskService().getIdentityLinksForTask(investigate.getId()))
        .anyMatch(link -> "hardware-support".equals(link.getGroupId()));

    String fourth = ticket("2025-03-15T09:00:00Z", "hardware", "PRJ-8", "Projector test D");
    assertThat(investigations("prj-8")).hasSize(1);
    assertThat(problems.tickets(problem)).containsExactly(first, second, third, fourth);

    engine.getTaskService().claim(investigate.getId(), "hank");
    engine.getTaskService().complete(investigate.getId(), Map.of(ProblemProcess.ROOT_CAUSE, "A worn lamp",
        ProblemProcess.WORKAROUND, "Use the spare projector in the cupboard", ProblemProcess.PROPOSE_KNOWN_ERROR,
        true));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("knowledge-article")
        .variableValueEquals("articleTitle", "Known error: affected system prj-8").count()).isOne();
    ProcessInstance fifth = start("2025-03-16T09:00:00Z", "hardware", "PRJ-8", "Projector test E");
    Task firstLine = engine.getTaskService().createTaskQuery().processInstanceId(fifth.getId())
        .taskDefinitionKey(TicketProcess.DIAGNOSE_AT_FIRST_LINE).singleResult();
    assertThat(engine.getTaskService().getVariables(firstLine.getId())).containsEntry(PROBLEM_ID, problem)
        .containsEntry(PROBLEM_WORKAROUND, "Use the spare projector in the cupboard");

    // closed: the tickets investigated do not count again; three new ones open a new problem
    Task close = engine.getTaskService().createTaskQuery().processInstanceId(opened.get(0).getId())
        .taskDefinitionKey(ProblemProcess.CLOSE).singleResult();
    assertThat(JsonVariables.readList((TypedValue) engine.getTaskService().getVariableTyped(close.getId(),
        ProblemProcess.TICKETS, false), ProblemProcess.TICKETS, String.class)).as("linked when the task opened")
        .hasSize(4);
    engine.getTaskService().claim(close.getId(), "hank");
    engine.getTaskService().complete(close.getId(), Map.of(ProblemProcess.CLOSURE_NOTES, "Lamp replaced"));
    assertThat(problems.find(problem).orElseThrow().open()).isFalse();
    ticket("2025-03-18T09:00:00Z", "hardware", "PRJ-8", "Projector test F");
    ticket("2025-03-19T09:00:00Z", "hardware", "PRJ-8", "Projector test G");
    assertThat(investigations("prj-8")).isEmpty();
    ticket("2025-03-20T09:00:00Z", "hardware", "PRJ-8", "Projector test H");
    assertThat(investigations("prj-8")).hasSize(1).extracting(ProcessInstance::getBusinessKey)
        .doesNotContain(problem);
  }

  @Test
  void ticketsSpreadOverMoreThanTheWindow_openNoInvestigation() {
    ticket("2025-03-03T09:00:00Z", "hardware", "PRJ-9", "Spread A");
    ticket("2025-03-13T09:00:00Z", "hardware", "PRJ-9", "Spread B");
    ticket("2025-03-24T09:00:00Z", "hardware", "PRJ-9", "Spread C"); // 21 days after the first
    assertThat(investigations("prj-9")).isEmpty();
  }

  @Test
  void securityOnOneSystem_opensAProblemAtTheSecondTicketInAWeek() {
    ticket("2025-03-04T09:00:00Z", "security", "FW-EDGE-2", "Firewall alert A");
    assertThat(investigations("fw-edge-2")).isEmpty();
    ticket("2025-03-06T09:00:00Z", "security", "FW-EDGE-2", "Firewall alert B");
    assertThat(investigations("fw-edge-2")).hasSize(1);
    assertThat(problems.find(investigations("fw-edge-2").get(0).getBusinessKey()).orElseThrow().group())
        .isEqualTo("security-response");
  }

  @Test
  void tenTicketsOfOneServiceTypeFromOneDepartmentInAWeek_openOneInvestigation() {
    for (int i = 1; i <= 9; i++) {
      ticket("2025-03-0" + (3 + i % 5) + "T1" + i % 8 + ":00:00Z", "software", "APP-" + i, "Legal app " + i,
          "Legal (problem test)");
    }
    assertThat(investigations("software|legal (problem test)")).isEmpty();
    ticket("2025-03-08T12:00:00Z", "software", "APP-10", "Legal app 10", "Legal (problem test)");
    List<ProcessInstance> opened = investigations("software|legal (problem test)");
    assertThat(opened).hasSize(1);
    assertThat(problems.tickets(opened.get(0).getBusinessKey())).hasSize(10);
  }

  /** The open investigations of the cluster with that key, started as the job executor would start them. */
  private List<ProcessInstance> investigations(String clusterKey) {
    List<ProcessInstance> investigations = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ProblemProcess.KEY).list().stream().filter(instance -> problems.find(
            instance.getBusinessKey()).map(Problem::clusterKey).filter(clusterKey::equals).isPresent()).toList();
    investigations.forEach(investigation -> engine.getManagementService().createJobQuery()
        .processInstanceId(investigation.getId()).messages().list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId())));
    return investigations;
  }

  private String ticket(String at, String serviceType, String system, String title) {
    return ticket(at, serviceType, system, title, "Problem tests " + system);
  }

  private String ticket(String at, String serviceType, String system, String title, String department) {
    return (String) engine.getRuntimeService().getVariable(start(at, serviceType, system, title, department).getId(),
        TICKET_NUMBER);
  }

  private ProcessInstance start(String at, String serviceType, String system, String title) {
    return start(at, serviceType, system, title, "Problem tests " + system);
  }

  private ProcessInstance start(String at, String serviceType, String system, String title, String department) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(at)));
    ProcessInstance ticket = engine.getRuntimeService().startProcessInstanceByKey(TicketProcess.KEY,
        SampleIntake.intake(new HashMap<>(Map.of(SERVICE_TYPE, serviceType, AFFECTED_SYSTEM, system, TITLE, title,
            REQUESTER_DEPARTMENT, department))));
    engine.getManagementService().createJobQuery().processInstanceId(ticket.getId()).messages().list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    return ticket;
  }
}
