package org.itsupport.ticket;

import org.itsupport.shared.JsonVariables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.itsupport.model.TicketProcess.*;
import static org.itsupport.ticket.TicketProcessTest.*;
import static org.itsupport.model.TicketVariables.*;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.itsupport.ApplicationTest;
import org.itsupport.notification.Notification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The SLA clock in the ticket process, driven by the engine clock: business hours, pauses while the
 * requester is asked something, escalation in levels, priority changes, and timers ending on resolution.
 * Every expected time is worked out by hand in the comments (London is on GMT = UTC in early March 2026).
 */
@ApplicationTest
class SlaProcessTest {

  @Autowired
  ProcessEngine engine;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void p3TicketSubmittedLateOnFriday_isDueAfterTheWeekend() {
    at("2026-03-13T16:00:00Z"); // Friday 16:00
    ProcessInstance ticket = submit(Map.of()); // one user, seriously impaired: P3, business hours

    assertThat(ticket).variables()
        .containsEntry(PRIORITY, "P3").containsEntry(SLA_CLOCK, "business-hours")
        // 30 working minutes: Friday 16:30
        .containsEntry(RESPONSE_DUE_AT, date("2026-03-13T16:30:00Z"))
        // 8 working hours: 1h30 on Friday (16:00-17:30) + 6h30 on Monday from 09:00
        .containsEntry(RESOLUTION_DUE_AT, date("2026-03-16T15:30:00Z"));
    assertThat(task(ticket)).hasDueDate(date("2026-03-13T16:30:00Z"));
    // the first escalation level is the response warning at 75 % of 30 working minutes
    assertThat(watchTimer(ticket).getDuedate()).isEqualTo(date("2026-03-13T16:22:30Z"));

    at("2026-03-13T16:10:00Z");
    escalate(ticket);
    assertThat(task(REVIEW_AND_DIAGNOSE, ticket)).hasDueDate(date("2026-03-16T15:30:00Z"));

    // the response warning is moot now: the timer finds nothing due and waits for the resolution warning,
    // 75 % of 8 working hours = 6h: 1h30 on Friday + 4h30 on Monday
    at("2026-03-13T16:22:30Z");
    execute(watchTimer(ticket));
    assertThat(escalations(ticket)).isEmpty();
    assertThat(watchTimer(ticket).getDuedate()).isEqualTo(date("2026-03-16T13:30:00Z"));
  }

  @Test
  void pauseAndResume_shiftBothDeadlinesByExactlyTheTimePaused() {
    at("2026-03-10T09:00:00Z");
    ProcessInstance ticket = submit(Map.of(IMPACT, "department", URGENCY, "high")); // P2, 24x7
    assertThat(ticket).variables()
        .containsEntry(RESPONSE_DUE_AT, date("2026-03-10T09:15:00Z"))
        .containsEntry(RESOLUTION_DUE_AT, date("2026-03-10T13:00:00Z"));

    at("2026-03-10T09:05:00Z");
    askFromFirstLine(ticket, "Which printer queue do you use?");
    ProcessInstance question = question(ticket);
    Task answer = answerTask(question);
    assertThat(answer).isAssignedTo("alice").hasDueDate(date("2026-03-10T13:05:00Z")); // P2: answer within 4h
    assertThat(ticket).variables()
        .containsEntry(SLA_PAUSED, true)
        .containsEntry(RESPONSE_MINUTES_LEFT, 10L)
        .containsEntry(RESOLUTION_MINUTES_LEFT, 235L)
        .containsEntry(ANSWER_REMINDER_AT, date("2026-03-10T10:05:00Z"));

    // the response warning (75 % of 15 min = 09:11:15) does not fire while the clocks stand still
    at("2026-03-10T09:11:15Z");
    execute(watchTimer(ticket));
    assertThat(escalations(ticket)).isEmpty();
    assertThat(watchTimer(ticket).getDuedate()).isEqualTo(date("2026-03-10T13:05:00Z"));

    at("2026-03-10T10:05:00Z");
    execute(job("Event_ReminderDue", question));
    assertThat(notifications(ticket)).extracting(Notification::recipients, Notification::subject)
        .contains(tuple("requester", "Reminder: ticket " + ticket.getBusinessKey() + " is waiting for your answer"));

    at("2026-03-10T10:35:00Z"); // paused for 1h30
    complete(answerTask(question), Map.of(REQUESTER_ANSWER, "The one on floor 3"));
    execute(job("Task_ResumeAtFirstLine", ticket));

    assertThat(ticket).isWaitingAt(DIAGNOSE_AT_FIRST_LINE).variables()
        .containsEntry(SLA_PAUSED, false)
        .containsEntry(ANSWER_OUTCOME, "answered")
        .containsEntry(REQUESTER_ANSWER, "The one on floor 3")
        .containsEntry(RESPONSE_DUE_AT, date("2026-03-10T10:45:00Z"))
        .containsEntry(RESOLUTION_DUE_AT, date("2026-03-10T14:30:00Z"));
    assertThat(task(DIAGNOSE_AT_FIRST_LINE, ticket)).hasDueDate(date("2026-03-10T10:45:00Z"));
    assertThat(watchTimer(ticket).getDuedate()).isEqualTo(date("2026-03-10T10:41:15Z"));
    assertThat(pauses(ticket)).singleElement().satisfies(pause -> {
      assertThat(pause.kind()).isEqualTo(SlaPause.QUESTION);
      assertThat(pause.from()).isEqualTo(Instant.parse("2026-03-10T09:05:00Z"));
      assertThat(pause.to()).isEqualTo(Instant.parse("2026-03-10T10:35:00Z"));
      assertThat(pause.by()).isEqualTo("dora");
      assertThat(pause.reason()).contains("Which printer queue do you use?");
    });

    at("2026-03-10T10:40:00Z");
    solveAtFirstLine(ticket);
    confirmFix(ticket);
    rate(ticket, 5, 5, 5, 5);
    closeTicket(ticket);
    assertThat(recorded(ticket, TOTAL_PAUSED_MINUTES)).isEqualTo(90L);
    // 09:00-10:40 on a working Tuesday, less the 90 minutes paused
    assertThat(recorded(ticket, BUSINESS_MINUTES_TO_FIRST_RESPONSE)).isEqualTo(10L);
    assertThat(recorded(ticket, RESPONSE_SLA_MET)).isEqualTo(true);
  }

  @Test
  void noAnswerByTheDeadline_resumesTheClocksAndReturnsTheTicketToTheAgent() {
    at("2026-03-10T09:00:00Z");
    ProcessInstance ticket = submit(Map.of(IMPACT, "department", URGENCY, "high")); // P2
    at("2026-03-10T09:05:00Z");
    askFromFirstLine(ticket, "Which printer queue do you use?");
    ProcessInstance question = question(ticket);

    at("2026-03-10T13:05:00Z");
    execute(job("Event_AnswerOverdue", question));
    execute(job("Task_ResumeAtFirstLine", ticket));

    assertThat(question).isEnded();
    assertThat(ticket).isWaitingAt(DIAGNOSE_AT_FIRST_LINE).variables()
        .containsEntry(ANSWER_OUTCOME, "no-answer")
        // 4 hours paused: 09:15 and 13:00 move to 13:15 and 17:00
        .containsEntry(RESPONSE_DUE_AT, date("2026-03-10T13:15:00Z"))
        .containsEntry(RESOLUTION_DUE_AT, date("2026-03-10T17:00:00Z"));
  }

  @Test
  void specialistAsksTheRequester_andGetsTheTicketBack() {
    at("2026-03-10T09:00:00Z");
    ProcessInstance ticket = submit(Map.of());
    escalate(ticket);
    claim(task(REVIEW_AND_DIAGNOSE, ticket), "hank");
    complete(task(REVIEW_AND_DIAGNOSE, ticket), Map.of(PRIORITY, "P3", REVIEW_OUTCOME, "ask-requester",
        QUESTION_FOR_REQUESTER, "Did you install anything before it started?"));

    ProcessInstance question = question(ticket);
    assertThat(pauses(ticket)).singleElement().extracting(SlaPause::by).isEqualTo("hank");
    complete(answerTask(question), Map.of(REQUESTER_ANSWER, "A printer driver"));
    execute(job("Task_ResumeAtSpecialist", ticket));

    assertThat(ticket).isWaitingAt(REVIEW_AND_DIAGNOSE).variables()
        .containsEntry(QUESTION_ASKED_FROM, "specialist")
        .containsEntry(REQUESTER_ANSWER, "A printer driver")
        .doesNotContainKey(REVIEW_OUTCOME);
  }

  @Test
  void responseWarningThenBreach_reachTheServiceDeskThenTheManagers() {
    at("2026-03-10T09:00:00Z");
    ProcessInstance ticket = submit(Map.of(IMPACT, "department", URGENCY, "high")); // P2: respond within 15 min

    at("2026-03-10T09:11:15Z"); // 75 %
    execute(watchTimer(ticket));
    assertThat(escalationTask(ticket, 1)).hasCandidateGroup("service-desk").hasDueDate(date("2026-03-10T09:15:00Z"));

    at("2026-03-10T09:15:00Z"); // 100 %
    execute(watchTimer(ticket));
    assertThat(escalationTask(ticket, 2)).hasCandidateGroup("service-managers");
    assertThat(ticket).isWaitingAt(DIAGNOSE_AT_FIRST_LINE).variables()
        .containsEntry(RESPONSE_SLA_BREACHED, true)
        .containsEntry(RESPONSE_BREACHED_AT, date("2026-03-10T09:15:00Z"));
    assertThat(escalations(ticket)).extracting(SlaEscalation::slaType, SlaEscalation::level, SlaEscalation::label)
        .containsExactly(tuple("response", 1, "warning"), tuple("response", 2, "breach"));
  }

  @Test
  void warningThenBreachThenSecondLevel_eachFiresOnceAtItsTime() {
    at("2026-03-10T09:00:00Z");
    ProcessInstance ticket = submit(Map.of()); // P3: resolve within 8 working hours
    at("2026-03-10T09:10:00Z");
    escalate(ticket);

    at("2026-03-10T15:00:00Z"); // 75 % = 6 working hours
    execute(watchTimer(ticket));
    Task warning = escalationTask(ticket, 1);
    assertThat(warning).hasCandidateGroup("service-desk").hasDueDate(date("2026-03-10T17:00:00Z"));
    assertThat(watchTimer(ticket).getDuedate()).isEqualTo(date("2026-03-10T17:00:00Z"));

    at("2026-03-10T17:00:00Z"); // 100 %
    execute(watchTimer(ticket));
    assertThat(escalationTask(ticket, 2)).hasCandidateGroup("service-managers");
    assertThat(ticket).variables().containsEntry(RESOLUTION_SLA_BREACHED, true)
        .containsEntry(RESOLUTION_BREACHED_AT, date("2026-03-10T17:00:00Z"));
    assertThat(notifications(ticket)).filteredOn(n -> n.subject().contains("breach")).singleElement()
        .satisfies(notice -> {
          assertThat(notice.recipients()).isEqualTo("service-managers,requester");
          assertThat(notice.addresses()).containsExactlyInAnyOrder("mia@example.org", "alice@example.org");
          assertThat(notice.delivery()).isEqualTo("not sent: no mail server configured");
        });
    // 150 % = 12 working hours: 8h30 on Tuesday, 3h30 on Wednesday from 09:00
    assertThat(watchTimer(ticket).getDuedate()).isEqualTo(date("2026-03-11T12:30:00Z"));

    claim(warning, "dora");
    complete(warning, Map.of(ESCALATION_ACTION, "Asked hank for an update"));

    at("2026-03-11T12:30:00Z");
    execute(watchTimer(ticket));
    assertThat(escalationTask(ticket, 3)).hasCandidateGroup("service-managers");
    assertThat(escalations(ticket)).extracting(SlaEscalation::level, SlaEscalation::label, SlaEscalation::at)
        .containsExactly(
            tuple(1, "warning", Instant.parse("2026-03-10T15:00:00Z")),
            tuple(2, "breach", Instant.parse("2026-03-10T17:00:00Z")),
            tuple(3, "second escalation", Instant.parse("2026-03-11T12:30:00Z")));
    assertThat(escalations(ticket).get(0).action()).isEqualTo("Asked hank for an update");
    assertThat(escalations(ticket).get(0).actedBy()).isEqualTo("dora");
    assertThat(ticket).variables().containsEntry(HIGHEST_ESCALATION_LEVEL, 3);

    // the second escalation raises the priority: P2 runs 24x7, 4h from Tuesday 09:00, long overdue
    execute(job("Task_RecomputeSlaTargets", ticket));
    assertThat(ticket).variables()
        .containsEntry(PRIORITY, "P2").containsEntry(PRIORITY_CORRECTED_FROM, "P3")
        .containsEntry(RESOLUTION_DUE_AT, date("2026-03-10T13:00:00Z"));
    assertThat(task(REVIEW_AND_DIAGNOSE, ticket).getPriority()).isEqualTo(75);
    // level 4 of P2 is due at 200 % of 4h (Tuesday 17:00) and fires at once; levels 1-3 do not fire again
    assertThat(watchTimer(ticket).getDuedate()).isEqualTo(date("2026-03-10T17:00:00Z"));
    execute(watchTimer(ticket));
    assertThat(escalations(ticket)).extracting(SlaEscalation::level).containsExactly(1, 2, 3, 4);
  }

  @Test
  void priorityCorrectedMidway_keepsTheTimeAlreadySpent() {
    at("2026-03-10T09:00:00Z");
    ProcessInstance ticket = submit(Map.of()); // P3, business hours: resolve by 17:00
    at("2026-03-10T09:10:00Z");
    escalate(ticket);

    at("2026-03-10T11:00:00Z"); // 2 hours spent
    claim(task(REVIEW_AND_DIAGNOSE, ticket), "hank");
    Map<String, Object> plan = TicketProcessTest.plan("routine-fix", false);
    plan.put(PRIORITY, "P2");
    plan.put(PRIORITY_CORRECTION_REASON, "The finance department's month-end run depends on it");
    complete(task(REVIEW_AND_DIAGNOSE, ticket), plan);
    execute(job("Task_RecomputeSlaTargets", ticket));
    assertChangeRiskAssessed(ticket);

    // P2: 4 hours on the 24x7 clock, counted from 09:00: 2 spent, 2 left
    assertThat(ticket).variables()
        .containsEntry(SLA_PRIORITY, "P2").containsEntry(SLA_CLOCK, "24x7")
        .containsEntry(PRIORITY_CORRECTED_FROM, "P3")
        .containsEntry(RESOLUTION_DUE_AT, date("2026-03-10T13:00:00Z"))
        .containsEntry(RESOLUTION_MINUTES_LEFT, 120L);
    // the watch timer moved to the P2 resolution warning: 75 % of 4h = 12:00
    assertThat(watchTimer(ticket).getDuedate()).isEqualTo(date("2026-03-10T12:00:00Z"));
    assertThat(task(EXECUTE_CHANGE, ticket)).hasDueDate(date("2026-03-10T13:00:00Z"));
    assertThat(task(EXECUTE_CHANGE, ticket).getPriority()).isEqualTo(75);
  }

  @Test
  void resolvingTheTicket_stopsEveryPendingTimerAndEscalation() {
    at("2026-03-10T09:00:00Z");
    ProcessInstance ticket = submit(Map.of());
    escalate(ticket);
    at("2026-03-10T15:00:00Z");
    execute(watchTimer(ticket)); // the resolution warning: an escalation task is open
    assertThat(escalationTask(ticket, 1)).isNotNull();

    plan(ticket, "hank", "routine-fix", false);
    executeFix(ticket, "hank");

    assertThat(ticket).isWaitingAt(VERIFY_RESOLUTION);
    assertThat(managementService().createJobQuery().processInstanceId(ticket.getId()).timers().count()).isZero();
    assertThat(taskService().createTaskQuery().processInstanceId(ticket.getId()).taskDefinitionKey(ACT_ON_ESCALATION)
        .count()).isZero();
    assertThat(ticket).variables().containsEntry(RESOLVED_AT, date("2026-03-10T15:00:00Z"));
  }

  // --- helpers

  static void at(String instant) {
    ClockUtil.setCurrentTime(date(instant));
  }

  static Date date(String instant) {
    return Date.from(Instant.parse(instant));
  }

  static void askFromFirstLine(ProcessInstance ticket, String question) {
    claim(task(DIAGNOSE_AT_FIRST_LINE, ticket), "dora");
    complete(task(DIAGNOSE_AT_FIRST_LINE, ticket), Map.of(FIRST_LINE_NOTES, "Not enough to go on",
        FIRST_LINE_OUTCOME, "ask-requester", QUESTION_FOR_REQUESTER, question));
  }

  static ProcessInstance question(ProcessInstance ticket) {
    return runtimeService().createProcessInstanceQuery().superProcessInstanceId(ticket.getId()).singleResult();
  }

  static Task answerTask(ProcessInstance question) {
    return task(ANSWER_QUESTION, question);
  }

  static void assertChangeRiskAssessed(ProcessInstance ticket) {
    execute(job("Task_AssessChangeRisk", ticket));
  }

  static Job watchTimer(ProcessInstance ticket) {
    return managementService().createJobQuery().processInstanceId(ticket.getId()).timers()
        .activityId(NEXT_ESCALATION_DUE).singleResult();
  }

  /** The open escalation task about a level; it carries its level as a local variable. */
  static Task escalationTask(ProcessInstance ticket, int level) {
    List<Task> tasks = taskService().createTaskQuery().processInstanceId(ticket.getId())
        .taskDefinitionKey(ACT_ON_ESCALATION).list().stream()
        .filter(task -> Integer.valueOf(level).equals(taskService().getVariable(task.getId(), ESCALATION_LEVEL)))
        .toList();
    assertThat(tasks).as("escalation tasks of level %d", level).hasSize(1);
    return tasks.get(0);
  }

  static List<SlaEscalation> escalations(ProcessInstance ticket) {
    return list(ticket, SLA_ESCALATIONS, SlaEscalation.class);
  }

  static List<SlaPause> pauses(ProcessInstance ticket) {
    return list(ticket, SLA_PAUSES, SlaPause.class);
  }

  static List<Notification> notifications(ProcessInstance ticket) {
    return list(ticket, NOTIFICATIONS, Notification.class);
  }

  private static <T> List<T> list(ProcessInstance ticket, String variable, Class<T> type) {
    TypedValue value = runtimeService().getVariableTyped(ticket.getId(), variable, false);
    return JsonVariables.readList(value, variable, type);
  }
}
