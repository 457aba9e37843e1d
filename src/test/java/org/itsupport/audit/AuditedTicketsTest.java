package org.itsupport.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.itsupport.model.TicketProcess.APPROVE_CHANGE;
import static org.itsupport.model.TicketVariables.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.itsupport.ApplicationTest;
import org.itsupport.audit.AuditedTickets.AuditedTicket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The audited ticket fixture leaves in history everything an auditor must be able to reconstruct. */
@ApplicationTest
class AuditedTicketsTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  HistoryService history;

  @Test
  void auditedTicket_isClosedWithWhoDidWhatOnRecord() {
    AuditedTicket ticket = new AuditedTickets(engine).createClosedTicket();

    assertThat(ticket.number()).matches("202611-\\d{3}");
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
        .processInstanceId(ticket.processInstanceId()).singleResult();
    assertThat(instance.getBusinessKey()).isEqualTo(ticket.number());
    assertThat(instance.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
    assertThat(instance.getEndActivityId()).isEqualTo("EndEvent_TicketClosed");
    assertThat(instance.getStartUserId()).isEqualTo(AuditedTickets.REQUESTER);
    assertThat(ticket.submittedAt()).isEqualTo(Instant.parse("2026-11-10T09:00:00Z"));
    assertThat(ticket.closedAt()).isEqualTo(Instant.parse("2026-11-10T15:05:00Z"));

    // the priority: P3 from the table, P2 from the specialist, who is on record for it
    assertThat(ticket.initialPriority()).isEqualTo("P3");
    assertThat(ticket.correctedPriority()).isEqualTo("P2");
    List<HistoricVariableUpdate> priorities = updates(ticket, PRIORITY);
    assertThat(priorities).extracting(HistoricVariableUpdate::getValue).first().isEqualTo("P3");
    assertThat(priorities).extracting(HistoricVariableUpdate::getValue).containsSubsequence("P3", "P2");
    HistoricVariableUpdate correction = priorities.stream().filter(update -> "P2".equals(update.getValue()))
        .findFirst().orElseThrow();
    assertThat(operator(correction)).isEqualTo(AuditedTickets.SPECIALIST);
    assertThat(values(ticket, PRIORITY_CORRECTION_REASON)).contains(AuditedTickets.CORRECTION_REASON_TEXT);

    // the approval: rejected with a reason, then approved, both by carl
    List<HistoricVariableUpdate> decisions = updates(ticket, APPROVAL_DECISION).stream()
        .filter(update -> update.getValue() != null).toList();
    assertThat(decisions).extracting(HistoricVariableUpdate::getValue).containsExactly("reject", "approve");
    assertThat(decisions).extracting(this::operator).containsOnly(AuditedTickets.APPROVER);
    assertThat(values(ticket, REJECTION_REASON)).contains(AuditedTickets.REJECTION_REASON_TEXT);
    List<String> approvalsCompletedByCarl = operations(ticket, UserOperationLogEntry.OPERATION_TYPE_COMPLETE,
        AuditedTickets.APPROVER).stream().map(UserOperationLogEntry::getTaskId).distinct().toList();
    assertThat(approvalsCompletedByCarl).hasSize(2).allSatisfy(taskId -> assertThat(
        history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult().getTaskDefinitionKey())
        .isEqualTo(APPROVE_CHANGE));

    // the manager took the approval from nick and gave it to carl
    assertThat(operations(ticket, UserOperationLogEntry.OPERATION_TYPE_ASSIGN, AuditedTickets.MANAGER))
        .extracting(UserOperationLogEntry::getTaskId, UserOperationLogEntry::getProperty,
            UserOperationLogEntry::getOrgValue, UserOperationLogEntry::getNewValue)
        .containsExactly(tuple(ticket.reassignedTaskId(), "assignee", AuditedTickets.FIRST_CLAIMANT,
            AuditedTickets.APPROVER));

    // the SLA: paused for the question, the resolution breached at 100 % of P2's 4 hours (plus the pause)
    assertThat(ticket.breachedSla()).isEqualTo("resolution");
    assertThat(ticket.breachedAt()).isEqualTo(Instant.parse("2026-11-10T13:30:00Z"));
    assertThat(recorded(ticket, RESOLUTION_SLA_BREACHED)).isEqualTo(true);
    assertThat(recorded(ticket, RESOLUTION_BREACHED_AT)).isEqualTo(Date.from(ticket.breachedAt()));
    assertThat(recorded(ticket, RESOLUTION_SLA_MET)).isEqualTo(false);
    assertThat(recorded(ticket, RESPONSE_SLA_MET)).isEqualTo(true);
    assertThat(recorded(ticket, TOTAL_PAUSED_MINUTES)).isEqualTo(30L);
    assertThat(recorded(ticket, REQUESTER_ANSWER)).isEqualTo(AuditedTickets.ANSWER_TEXT);
    assertThat(values(ticket, ESCALATION_ACTION)).contains(AuditedTickets.WARNING_ACTION_TEXT, ticket.breachAction());
  }

  @Test
  void everyCall_opensAndClosesANewTicket_andResetsTheClock() {
    AuditedTickets fixture = new AuditedTickets(engine);
    AuditedTicket first = fixture.createClosedTicket();
    AuditedTicket second = fixture.createClosedTicket();

    assertThat(second.number()).isNotEqualTo(first.number());
    assertThat(second.processInstanceId()).isNotEqualTo(first.processInstanceId());
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceIds(
        Set.of(first.processInstanceId(), second.processInstanceId())).completed().count()).isEqualTo(2);
    assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), Instant.now()).abs())
        .isLessThan(Duration.ofMinutes(1));
    assertThat(engine.getIdentityService().getCurrentAuthentication()).isNull();
  }

  private List<HistoricVariableUpdate> updates(AuditedTicket ticket, String variable) {
    return history.createHistoricDetailQuery().processInstanceId(ticket.processInstanceId()).variableUpdates()
        .orderByTime().asc().orderPartiallyByOccurrence().asc().list().stream()
        .map(HistoricVariableUpdate.class::cast)
        .filter(update -> variable.equals(update.getVariableName()))
        .toList();
  }

  private List<Object> values(AuditedTicket ticket, String variable) {
    return updates(ticket, variable).stream().map(HistoricVariableUpdate::getValue).toList();
  }

  /** Who made a variable update: the user of the operation it was part of. */
  private String operator(HistoricVariableUpdate update) {
    assertThat(update.getUserOperationId()).as("operation of %s", update.getVariableName()).isNotNull();
    return history.createUserOperationLogQuery().operationId(update.getUserOperationId()).list().stream()
        .map(UserOperationLogEntry::getUserId).distinct().reduce((one, other) -> one + "," + other).orElse(null);
  }

  private List<UserOperationLogEntry> operations(AuditedTicket ticket, String type, String userId) {
    return history.createUserOperationLogQuery().processInstanceId(ticket.processInstanceId()).operationType(type)
        .userId(userId).list();
  }

  private Object recorded(AuditedTicket ticket, String variable) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(ticket.processInstanceId())
        .variableName(variable).singleResult().getValue();
  }
}
