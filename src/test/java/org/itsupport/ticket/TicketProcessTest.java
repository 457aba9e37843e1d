package org.itsupport.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.itsupport.model.TicketProcess.*;
import static org.itsupport.model.TicketVariables.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.itsupport.ApplicationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One test per path through processes/it-support-ticket.bpmn, with the real decisions and the demo users.
 * The engine clock drives the SLA timers; jobs run when a test executes them.
 */
@ApplicationTest
class TicketProcessTest {

  /** A Tuesday morning in March: no daylight-saving change within the SLA windows used here. */
  static final Instant SUBMITTED = Instant.parse("2026-03-10T09:00:00Z");

  @Autowired
  ProcessEngine engine;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(SUBMITTED));
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void solvedAtFirstLine_isConfirmedRatedAndClosed() {
    ProcessInstance ticket = submit(Map.of());

    assertThat(ticket).isWaitingAt(DIAGNOSE_AT_FIRST_LINE);
    assertThat(ticket.getBusinessKey()).matches("202603-\\d{3}");
    assertThat(ticket).variables()
        .containsEntry(TICKET_NUMBER, ticket.getBusinessKey())
        .containsEntry(PRIORITY, "P3")
        .containsEntry(RESPONSE_DUE_AT, at(Duration.ofMinutes(30)))
        .containsEntry(RESOLUTION_DUE_AT, at(Duration.ofHours(8)));
    Task firstLine = task(ticket);
    assertThat(firstLine).hasCandidateGroup("service-desk").hasDueDate(at(Duration.ofMinutes(30)));
    assertThat(firstLine.getPriority()).isEqualTo(50);

    advance(Duration.ofMinutes(10));
    solveAtFirstLine(ticket);

    assertThat(ticket).hasPassed("EndEvent_SolvedAtFirstLine").isWaitingAt(VERIFY_RESOLUTION);
    assertThat(task(ticket)).isAssignedTo("alice");
    confirmFix(ticket);
    rate(ticket, 5, 5, 4, 5);
    closeTicket(ticket);

    assertThat(ticket).hasNotPassed(REVIEW_AND_DIAGNOSE);
    assertThat(recorded(ticket, FIRST_RESPONSE_AT)).isEqualTo(at(Duration.ofMinutes(10)));
    assertThat(recorded(ticket, RESOLVED_AT)).isEqualTo(at(Duration.ofMinutes(10)));
    assertThat(recorded(ticket, RESPONSE_SLA_MET)).isEqualTo(true);
    assertThat(recorded(ticket, RESOLUTION_SLA_MET)).isEqualTo(true);
    assertThat(recorded(ticket, REOPEN_COUNT)).isEqualTo(0);
    assertThat(recorded(ticket, CLOSED_AT)).isNotNull();
    assertThat(recorded(ticket, RESOLUTION)).isEqualTo("Reset the password and unlocked the account");
  }

  @Test
  void escalatedWithLowRiskPlan_isExecutedWithoutApproval() {
    ProcessInstance ticket = submit(Map.of(SERVICE_TYPE, "software"));

    escalate(ticket);
    assertThat(ticket).isWaitingAt(REVIEW_AND_DIAGNOSE);
    assertThat(task(ticket)).hasCandidateGroup("software-support").hasDueDate(at(Duration.ofHours(8)));
    assertThat(ticket).variables().containsEntry(FIRST_LINE_NOTES, "Checked the knowledge base");

    plan(ticket, "sofia", "routine-fix", false);
    assertThat(ticket).isWaitingAt(EXECUTE_CHANGE).variables()
        .containsEntry(RISK_LEVEL, "low").containsEntry(APPROVAL_REQUIRED, false);
    assertThat(task(ticket)).hasCandidateGroup("software-support");

    executeFix(ticket, "sofia");
    confirmFix(ticket);
    rate(ticket, 4, 4, 5, 5);
    closeTicket(ticket);

    assertThat(ticket).hasNotPassed(APPROVE_CHANGE);
    assertThat(recorded(ticket, PLANNED_BY)).isEqualTo("sofia");
  }

  @Test
  void highRiskChange_approved_isExecuted() {
    ProcessInstance ticket = submit(Map.of());
    escalate(ticket);
    plan(ticket, "hank", "system-reinstall", true);

    assertThat(ticket).isWaitingAt(APPROVE_CHANGE).variables()
        .containsEntry(RISK_LEVEL, "high").containsEntry(APPROVER_GROUP, "change-approvers");
    assertThat(task(ticket)).hasCandidateGroup("change-approvers");

    decide(ticket, "carl", "approve", null);
    assertThat(ticket).isWaitingAt(EXECUTE_CHANGE);

    executeFix(ticket, "hank");
    confirmFix(ticket);
    rate(ticket, 5, 5, 5, 5);
    closeTicket(ticket);
    assertThat(ticket).hasPassed(APPROVE_CHANGE, EXECUTE_CHANGE);
  }

  @Test
  void highRiskChange_rejectedThenReworked_isApproved() {
    ProcessInstance ticket = submit(Map.of());
    escalate(ticket);
    plan(ticket, "hank", "data-migration", true);

    decide(ticket, "carl", "reject", "Migrate after the month-end close");
    assertThat(ticket).isWaitingAt(REVIEW_AND_DIAGNOSE)
        .variables().containsEntry(REJECTION_REASON, "Migrate after the month-end close");

    // reworked without a backup: now the IT manager has to approve
    plan(ticket, "hank", "data-migration", false);
    assertThat(ticket).isWaitingAt(APPROVE_CHANGE).variables()
        .containsEntry(APPROVER_GROUP, "service-managers")
        .doesNotContainKeys(APPROVAL_DECISION, REJECTION_REASON);
    assertThat(task(ticket)).hasCandidateGroup("service-managers");

    decide(ticket, "mia", "approve", null);
    assertThat(ticket).isWaitingAt(EXECUTE_CHANGE);
    executeFix(ticket, "hank");
    confirmFix(ticket);
    rate(ticket, 4, 4, 4, 4);
    closeTicket(ticket);

    assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(ticket.getId())
        .activityId(APPROVE_CHANGE).count()).isEqualTo(2);
  }

  @Test
  void planAuthor_cannotClaimOrCompleteTheApproval() {
    // nick is a network specialist and a change approver
    ProcessInstance ticket = submit(Map.of(SERVICE_TYPE, "network"));
    escalate(ticket);
    plan(ticket, "nick", "core-configuration-change", true);
    Task approval = task(ticket);
    assertThat(approval).hasCandidateGroup("change-approvers");

    assertThatThrownBy(() -> taskService().claim(approval.getId(), "nick"))
        .hasRootCauseInstanceOf(AuthorizationException.class)
        .hasMessageContaining("nick wrote this plan and so cannot approve it");
    assertThat(task(ticket)).isNotAssigned();
    // nor complete it without claiming, signed in through Tasklist or the REST API
    identityService().setAuthentication("nick", List.of("network-support", "change-approvers"));
    try {
      assertThatThrownBy(() -> complete(task(ticket), Map.of(APPROVAL_DECISION, "approve")))
          .hasMessageContaining("nick wrote this plan and so cannot approve it");
    } finally {
      identityService().clearAuthentication();
    }

    decide(ticket, "carl", "approve", null);
    assertThat(ticket).isWaitingAt(EXECUTE_CHANGE);
  }

  @Test
  void newProblemDuringExecution_goesBackToDiagnosis() {
    ProcessInstance ticket = submit(Map.of());
    escalate(ticket);
    plan(ticket, "hank", "hardware-replacement", false);
    assertThat(ticket).isWaitingAt(EXECUTE_CHANGE);

    claim(task(ticket), "hank");
    complete(task(ticket), Map.of(
        EXECUTION_STEPS, "Replaced the disk; the mainboard now reports a fault",
        EXECUTION_OUTCOME, "new-problem",
        NEW_PROBLEM, "Mainboard fault"));

    assertThat(ticket).isWaitingAt(REVIEW_AND_DIAGNOSE).variables().containsEntry(NEW_PROBLEM, "Mainboard fault");
    plan(ticket, "hank", "hardware-replacement", false);
    executeFix(ticket, "hank");
    confirmFix(ticket);
    rate(ticket, 5, 4, 5, 4);
    closeTicket(ticket);
    assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(ticket.getId())
        .activityId(EXECUTE_CHANGE).count()).isEqualTo(2);
  }

  @Test
  void verificationFails_reopensIntoSpecialistDiagnosis() {
    ProcessInstance ticket = submit(Map.of());
    solveAtFirstLine(ticket);

    complete(task(ticket), Map.of(VERIFICATION_RESULT, "not-fixed", VERIFICATION_FEEDBACK, "Locked out again"));
    execute(job("Task_ReopenTicket", ticket));
    routeToSpecialists(ticket);
    assertThat(ticket).hasPassed("Task_ReopenTicket").isWaitingAt(REVIEW_AND_DIAGNOSE);
    assertThat(task(ticket)).hasCandidateGroup("hardware-support");
    assertThat(ticket).variables().containsEntry(REOPEN_COUNT, 1).containsEntry(REOPENED_AT, now());

    plan(ticket, "hank", "routine-fix", false);
    executeFix(ticket, "hank");
    confirmFix(ticket);
    rate(ticket, 3, 3, 4, 4);
    closeTicket(ticket);
    assertThat(recorded(ticket, REOPEN_COUNT)).isEqualTo(1);
    assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(ticket.getId())
        .activityId(DIAGNOSE_AT_FIRST_LINE).count()).isEqualTo(1);
  }

  @Test
  void surveySkipped_closesWithoutFollowUp() {
    ProcessInstance ticket = submit(Map.of());
    solveAtFirstLine(ticket);
    confirmFix(ticket);

    complete(task(ticket), Map.of(SURVEY_SKIPPED, true));
    closeTicket(ticket);

    assertThat(ticket).hasNotPassed(FOLLOW_UP_LOW_RATING);
    assertThat(recorded(ticket, SURVEY_SKIPPED)).isEqualTo(true);
  }

  @Test
  void lowSurveyScore_opensFollowUpForServiceManager() {
    ProcessInstance ticket = submit(Map.of());
    solveAtFirstLine(ticket);
    confirmFix(ticket);

    rate(ticket, 4, 4, 2, 4);
    assertThat(ticket).isWaitingAt(FOLLOW_UP_LOW_RATING);
    assertThat(task(ticket)).hasCandidateGroup("service-managers");

    claim(task(ticket), "mia");
    complete(task(ticket), Map.of(FOLLOW_UP_NOTES, "Called Alice and apologised; coaching for the agent"));
    closeTicket(ticket);
    assertThat(recorded(ticket, FOLLOW_UP_NOTES)).isEqualTo("Called Alice and apologised; coaching for the agent");
  }

  @Test
  void invalidIntake_isRefusedNamingEachField() {
    Map<String, Object> intake = SampleIntake.intake();
    intake.remove(TITLE);
    intake.put(URGENCY, "asap");
    intake.put(REQUESTER_ID, "nobody");

    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY, intake))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("title: is required")
        .hasMessageContaining("urgency: 'asap' is not one of critical, high, medium, low");
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
        .variableValueEquals(URGENCY, "asap").count()).isZero();

    intake.put(TITLE, "Printer jams");
    intake.put(URGENCY, "low");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY, intake))
        .hasMessageContaining("requesterId: there is no user 'nobody'");
  }

  @Test
  void ticketsStartedTheSameMonth_getConsecutiveNumbers() {
    ProcessInstance first = submit(Map.of());
    ProcessInstance second = submit(Map.of());

    int firstSerial = Integer.parseInt(first.getBusinessKey().substring(7));
    assertThat(second.getBusinessKey()).isEqualTo("202603-%03d".formatted(firstSerial + 1));
  }

  @Test
  void taskCards_showTheTicket_withoutHistoryOfTheirOwn() {
    ProcessInstance ticket = submit(Map.of());
    Task firstLine = task(ticket);
    assertThat(taskService().getVariablesLocal(firstLine.getId()))
        .containsEntry(CARD_TICKET_NUMBER, ticket.getBusinessKey()).containsEntry(CARD_PRIORITY, "P3")
        .containsEntry(CARD_TITLE, SampleIntake.intake().get(TITLE));

    solveAtFirstLine(ticket);

    List<String> recorded = historyService().createHistoricVariableInstanceQuery().processInstanceId(ticket.getId())
        .list().stream().map(HistoricVariableInstance::getName).toList();
    List<String> updated = historyService().createHistoricDetailQuery().processInstanceId(ticket.getId())
        .variableUpdates().list().stream().map(update -> ((HistoricVariableUpdate) update).getVariableName())
        .toList();
    assertThat(recorded).contains(TICKET_NUMBER, PRIORITY, TITLE, FIRST_LINE_NOTES)
        .doesNotContain(CARD_TICKET_NUMBER, CARD_PRIORITY, CARD_TITLE);
    assertThat(updated).contains(TICKET_NUMBER, PRIORITY, TITLE, FIRST_LINE_NOTES)
        .doesNotContain(CARD_TICKET_NUMBER, CARD_PRIORITY, CARD_TITLE);
  }

  // --- the steps, as the people in them would fill in their forms

  static ProcessInstance submit(Map<String, Object> overrides) {
    ProcessInstance ticket = runtimeService().startProcessInstanceByKey(KEY, SampleIntake.intake(overrides));
    // registered with its number, priority and deadlines; the rest continues asynchronously
    assertThat(ticket).isWaitingAt("Task_StartSlaClocks");
    execute(job("Task_StartSlaClocks", ticket));
    return ticket;
  }

  static void solveAtFirstLine(ProcessInstance ticket) {
    claim(task(ticket), "dora");
    complete(task(ticket), TicketForms.solvedAtFirstLine());
  }

  static void escalate(ProcessInstance ticket) {
    escalateWithoutRouting(ticket);
    routeToSpecialists(ticket);
  }

  /** The first line escalates; routing to the specialists is still to run. */
  static void escalateWithoutRouting(ProcessInstance ticket) {
    claim(task(DIAGNOSE_AT_FIRST_LINE, ticket), "dora");
    complete(task(DIAGNOSE_AT_FIRST_LINE, ticket), TicketForms.escalation());
  }

  /** Routing runs asynchronously after the first line's (or the requester's) task. */
  static void routeToSpecialists(ProcessInstance ticket) {
    execute(job("Task_DetermineSpecialistGroup", ticket));
  }

  /** The change risk is assessed asynchronously after the plan. */
  static void assessChangeRisk(ProcessInstance ticket) {
    execute(job("Task_AssessChangeRisk", ticket));
  }

  static Map<String, Object> plan(String changeType, boolean backupAvailable) {
    return TicketForms.plan("P3", changeType, backupAvailable);
  }

  /** A plan that keeps the ticket's priority. */
  static void plan(ProcessInstance ticket, String specialist, String changeType, boolean backupAvailable) {
    claim(task(REVIEW_AND_DIAGNOSE, ticket), specialist);
    Map<String, Object> plan = plan(changeType, backupAvailable);
    plan.put(PRIORITY, runtimeService().getVariable(ticket.getId(), PRIORITY));
    complete(task(REVIEW_AND_DIAGNOSE, ticket), plan);
    assessChangeRisk(ticket);
  }

  static void decide(ProcessInstance ticket, String approver, String decision, String reason) {
    claim(task(APPROVE_CHANGE, ticket), approver);
    complete(task(APPROVE_CHANGE, ticket), TicketForms.approval(decision, reason));
  }

  static void executeFix(ProcessInstance ticket, String specialist) {
    claim(task(EXECUTE_CHANGE, ticket), specialist);
    complete(task(EXECUTE_CHANGE, ticket), TicketForms.fix());
  }

  static void confirmFix(ProcessInstance ticket) {
    assertThat(task(VERIFY_RESOLUTION, ticket)).isAssignedTo("alice");
    complete(task(VERIFY_RESOLUTION, ticket), TicketForms.confirmation());
  }

  static void rate(ProcessInstance ticket, int speed, int efficiency, int attitude, int expertise) {
    assertThat(task(RATE_SERVICE, ticket)).isAssignedTo("alice");
    complete(task(RATE_SERVICE, ticket), TicketForms.rating(speed, efficiency, attitude, expertise));
  }

  static void closeTicket(ProcessInstance ticket) {
    assertThat(ticket).isWaitingAt("Task_CloseTicket");
    execute(job("Task_CloseTicket", ticket));
    assertThat(ticket).isEnded().hasPassed("EndEvent_TicketClosed");
  }

  static Object recorded(ProcessInstance ticket, String variable) {
    HistoricVariableInstance value = historyService().createHistoricVariableInstanceQuery()
        .processInstanceId(ticket.getId()).variableName(variable).singleResult();
    assertThat(value).as("variable %s", variable).isNotNull();
    return value.getValue();
  }

  static void advance(Duration duration) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
  }

  static Date now() {
    return ClockUtil.getCurrentTime();
  }

  static Date at(Duration afterSubmission) {
    return Date.from(SUBMITTED.plus(afterSubmission));
  }
}
