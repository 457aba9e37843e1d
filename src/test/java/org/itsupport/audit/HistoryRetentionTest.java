package org.itsupport.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.itsupport.ApplicationTest;
import org.itsupport.audit.AuditedTickets.AuditedTicket;
import org.itsupport.decisions.DecisionTableGuard;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Ticket history is kept at least two years, and removed after that by a cleanup that runs at night. */
@ApplicationTest
class HistoryRetentionTest {

  static final int TWO_YEARS = DecisionTableGuard.MINIMUM_RETENTION_DAYS;

  @Autowired
  ProcessEngine engine;
  @Autowired
  RepositoryService repository;
  @Autowired
  HistoryService history;

  @Test
  void everyProcessAndDecision_keepsItsHistoryAtLeastTwoYears() {
    List<ProcessDefinition> processes = repository.createProcessDefinitionQuery().latestVersion().list();
    List<DecisionDefinition> decisions = repository.createDecisionDefinitionQuery().latestVersion().list();

    assertThat(processes).extracting(ProcessDefinition::getKey).contains("it-support-ticket", "requester-question");
    assertThat(decisions).extracting(DecisionDefinition::getKey).contains("ticket-priority", "ticket-sla-targets",
        "ticket-routing", "change-risk", "sla-escalation");
    assertThat(processes).filteredOn(definition -> List.of("it-support-ticket", "requester-question")
        .contains(definition.getKey())).allSatisfy(definition ->
        assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isGreaterThanOrEqualTo(TWO_YEARS));
    assertThat(decisions).allSatisfy(definition ->
        assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isGreaterThanOrEqualTo(TWO_YEARS));
    assertThat(configuration().getHistoryTimeToLive()).as("default for a definition without one").isEqualTo("P731D");
  }

  @Test
  void aClosedTicketsWholeHistory_isRemovedTwoYearsAfterItClosed_notBefore() {
    AuditedTicket ticket = new AuditedTickets(engine).createClosedTicket();
    Instant removal = ticket.closedAt().plus(Duration.ofDays(TWO_YEARS));

    HistoricProcessInstance closed = history.createHistoricProcessInstanceQuery()
        .processInstanceId(ticket.processInstanceId()).singleResult();
    assertThat(closed.getRemovalTime().toInstant()).isEqualTo(removal);
    List<HistoricProcessInstance> questions = history.createHistoricProcessInstanceQuery()
        .superProcessInstanceId(ticket.processInstanceId()).list();
    assertThat(questions).isNotEmpty().allSatisfy(question ->
        assertThat(question.getRemovalTime().toInstant()).isEqualTo(removal));
    assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(ticket.processInstanceId())
        .list()).isNotEmpty().allSatisfy(decision -> assertThat(decision.getRemovalTime().toInstant())
        .isEqualTo(removal));
    assertThat(history.createHistoricTaskInstanceQuery().rootProcessInstanceId(ticket.processInstanceId()).list())
        .isNotEmpty().allSatisfy(task -> assertThat(task.getRemovalTime().toInstant()).isEqualTo(removal));
  }

  @Test
  void historyCleanup_isScheduledForTheNightWindow() {
    ProcessEngineConfigurationImpl configuration = configuration();
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");

    List<Job> cleanup = history.findHistoryCleanupJobs();
    assertThat(cleanup).isNotEmpty().allSatisfy(job -> {
      LocalTime due = job.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime();
      assertThat(due).as("due %s", job.getDuedate()).isBetween(LocalTime.of(1, 0), LocalTime.of(5, 0));
    });
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }
}
