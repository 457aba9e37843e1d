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

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.itsupport.ApplicationTest;
import org.itsupport.notification.Notice;
import org.itsupport.notification.NoticeOutbox;
import org.itsupport.sla.SlaEscalation;
import org.itsupport.sla.SlaPause;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The SLA in the ticket process, driven by the engine clock: the stages' boundary timers on business hours,
 * moved by pauses while the requester is asked something and by priority changes; the escalation ladder's rungs,
 * each once; the work coming back to whoever asked; and the requester's waits, each with an end.
 * Every expected time is worked out by hand in the comments (London is on GMT = UTC in early March 2026).
 */
@ApplicationTest
class SlaProcessTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  NoticeOutbox outbox;

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
    // the stages' timers: at risk at 75 %, breached at 100 %, the resolution escalated at 150 %
    assertThat(timers(ticket)).containsExactlyInAnyOrderEntriesOf(Map.of(
        RESPONSE_AT_RISK, date("2026-03-13T16:22:30Z"),
        RESPONSE_BREACHED, date("2026-03-13T16:30:00Z"),
        RESPONSE_ESCALATED, date("2026-03-13T16:45:00Z"),
        // 6 working hours: 1h30 on Friday + 4h30 on Monday
        RESOLUTION_AT_RISK, date("2026-03-16T13:30:00Z"),
        RESOLUTION_BREACHED, date("2026-03-16T15:30:00Z"),
        // 12 working hours: 1h30 on Friday, 8h30 on Monday, 2h on Tuesday
        RESOLUTION_ESCALATED, date("2026-03-17T11:00:00Z")));

    // the first response ends the response stage and its timers; the resolution's keep their dates
    at("2026-03-13T16:10:00Z");
    escalate(ticket);
    assertThat(task(REVIEW_AND_DIAGNOSE, ticket)).hasDueDate(date("2026-03-16T15:30:00Z"));
    assertThat(timers(ticket)).containsOnlyKeys(RESOLUTION_AT_RISK, RESOLUTION_BREACHED, RESOLUTION_ESCALATED)
        .containsEntry(RESOLUTION_AT_RISK, date("2026-03-16T13:30:00Z"));
  }

  @Test
  void pauseAndResume_moveEveryRunningTimerByExactlyTheTimePaused() {
    at("2026-03-10T09:00:00Z");
    ProcessInstance ticket = submit(Map.of(IMPACT, "department", URGENCY, "high")); // P2, 24x7
    Map<String, Date> before = timers(ticket);
    assertThat(before).containsExactlyInAnyOrderEntriesOf(Map.of(
        RESPONSE_AT_RISK, date("2026-03-10T09:11:15Z"), RESPONSE_BREACHED, date("2026-03-10T09:15:00Z"),
        RESPONSE_ESCALATED, date("2026-03-10T09:22:30Z"),
        RESOLUTION_AT_RISK, date("2026-03-10T12:00:00Z"), RESOLUTION_BREACHED, date("2026-03-10T13:00:00Z"),
        RESOLUTION_ESCALATED, date("2026-03-10T15:00:00Z")));

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
    // while the clocks stand still the timers wait as if the wait lasted to its end (13:05, 4 hours):
    // none can fire during the pause
    assertThat(timers(ticket)).hasSize(6)
        .allSatisfy((id, due) -> assertThat(due).isEqualTo(plus(before.get(id), "PT4H")));

    at("2026-03-10T10:05:00Z");
    execute(job("Event_ReminderDue", question));
    assertThat(notifications(ticket)).extracting(Notice::kind, Notice::recipients, Notice::subject)
        .contains(tuple("answer-reminder", "requester",
            "Reminder: ticket " + ticket.getBusinessKey() + " is waiting for your answer"));

    at("2026-03-10T10:35:00Z"); // paused for 1h30
    complete(answerTask(question), Map.of(REQUESTER_ANSWER, "The one on floor 3"));
    execute(job("Task_ResumeSlaClocks", question));

    // back to the agent who asked, every timer 1h30 later
    assertThat(ticket).isWaitingAt(DIAGNOSE_AT_FIRST_LINE).variables()
        .containsEntry(SLA_PAUSED, false)
        .containsEntry(ANSWER_OUTCOME, "answered")
        .containsEntry(REQUESTER_ANSWER, "The one on floor 3")
        .containsEntry(RESPONSE_DUE_AT, date("2026-03-10T10:45:00Z"))
        .containsEntry(RESOLUTION_DUE_AT, date("2026-03-10T14:30:00Z"));
    assertThat(task(DIAGNOSE_AT_FIRST_LINE, ticket)).isAssignedTo("dora").hasDueDate(date("2026-03-10T10:45:00Z"));
    assertThat(timers(ticket)).hasSize(6)
        .allSatisfy((id, due) -> assertThat(due).isEqualTo(plus(before.get(id), "PT1H30M")));
    assertThat(pauses(ticket)).singleElement().satisfies(pause -> {
      assertThat(pause.kind()).isEqualTo(SlaPause.QUESTION);
      assertThat(pause.from()).isEqualTo(Instant.parse("2026-03-10T09:05:00Z"));
      assertThat(pause.to()).isEqualTo(Instant.parse("2026-03-10T10:35:00Z"));
      assertThat(pause.by()).isEqualTo("dora");
      assertThat(pause.reason()).contains("Which printer queue do you use?");
    });

    assertThat(escalations(ticket)).isEmpty();

    at("2026-03-10T10:40:00Z");
    complete(task(DIAGNOSE_AT_FIRST_LINE, ticket), Map.of(FIRST_LINE_NOTES, "Queue re-added",
        FIRST_LINE_OUTCOME, "solved", RESOLUTION, "Re-added the floor 3 queue"));
    confirmFix(ticket);
    rate(ticket, 5, 5, 5, 5);
    closeTicket(ticket);
    assertThat(recorded(ticket, TOTAL_PAUSED_MINUTES)).isEqualTo(90L);
    // 09:00-10:40 on a working Tuesday, less the 90 minutes paused
    assertThat(recorded(ticket, BUSINESS_MINUTES_TO_FIRST_RESPONSE)).isEqualTo(10L);
    assertThat(recorded(ticket, RESPONSE_SLA_MET)).isEqualTo(true);
  }

  @Test
  void noAnswerByTheDeadline_resumesTheClocksAndReturnsTheTicketToTheAgentWhoAsked() {
    at("2026-03-10T09:00:00Z");
    ProcessInstance ticket = submit(Map.of(IMPACT, "department", URGENCY, "high")); // P2
    at("2026-03-10T09:05:00Z");
    askFromFirstLine(ticket, "Which printer queue do you use?");
    ProcessInstance question = question(ticket);

    at("2026-03-10T13:05:00Z");
    execute(job("Event_AnswerOverdue", question));
    execute(job("Task_ResumeSlaClocks", question));

    assertThat(question).isEnded();
    assertThat(ticket).isWaitingAt(DIAGNOSE_AT_FIRST_LINE).variables()
        .containsEntry(ANSWER_OUTCOME, "no-answer")
        // 4 hours paused: 09:15 and 13:00 move to 13:15 and 17:00
        .containsEntry(RESPONSE_DUE_AT, date("2026-03-10T13:15:00Z"))
        .containsEntry(RESOLUTION_DUE_AT, date("2026-03-10T17:00:00Z"));
    assertThat(task(DIAGNOSE_AT_FIRST_LINE, ticket)).isAssignedTo("dora");
    assertThat(timers(ticket)).containsEntry(RESPONSE_BREACHED, date("2026-03-10T13:15:00Z"));
  }

  @Test
  void specialistAsksTheRequester_andGetsTheTicketBackAssigned() {
    at("2026-03-10T09:00:00Z");
    ProcessInstance ticket = submit(Map.of());
    escalate(ticket);
    claim(task(REVIEW_AND_DIAGNOSE, ticket), "hank");
    complete(task(REVIEW_AND_DIAGNOSE, ticket), Map.of(PRIORITY, "P3", REVIEW_OUTCOME, "ask-requester",
        QUESTION_FOR_REQUESTER, "Did you install anything before it started?"));

    ProcessInstance question = question(ticket);
    assertThat(pauses(ticket)).singleElement().extracting(SlaPause::by).isEqualTo("hank");
    complete(answerTask(question), Map.of(REQUESTER_ANSWER, "A printer driver"));
    execute(job("Task_ResumeSlaClocks", question));

    assertThat(ticket).isWaitingAt(REVIEW_AND_DIAGNOSE).variables()
        .containsEntry(QUESTION_ASKED_FROM, "specialist")
        .containsEntry(REQUESTER_ANSWER, "A printer driver")
        .doesNotContainKey(REVIEW_OUTCOME);
    assertThat(task(REVIEW_AND_DIAGNOSE, ticket)).isAssignedTo("hank");
  }

  @Test
  void rejectedPlan_returnsToItsAuthor() {
    at("2026-03-10T09:00:00Z");
    ProcessInstance ticket = submit(Map.of());
    escalate(ticket);
    plan(ticket, "hank", "system-reinstall", true);
    decide(ticket, "carl", "reject", "Back up the local files first");

    assertThat(ticket).isWaitingAt(REVIEW_AND_DIAGNOSE);
    assertThat(task(REVIEW_AND_DIAGNOSE, ticket)).isAssignedTo("hank");
  }

  @Test
  void responseAtRiskThenBreached_reachTheServiceDeskThenTheManagers_andEndWithTheFirstResponse() {
    at("2026-03-10T09:00:00Z");
    ProcessInstance ticket = submit(Map.of(IMPACT, "department", URGENCY, "high")); // P2: respond within 15 min

    fire(ticket, RESPONSE_AT_RISK); // 09:11:15, 75 %
    assertThat(escalationTask(ticket, "response", 1)).hasCandidateGroup("service-desk")
        .hasDueDate(date("2026-03-10T09:15:00Z"));

    fire(ticket, RESPONSE_BREACHED); // 09:15
    assertThat(escalationTask(ticket, "response", 2)).hasCandidateGroup("service-managers");
    assertThat(ticket).isWaitingAt(DIAGNOSE_AT_FIRST_LINE).variables()
        .containsEntry(RESPONSE_SLA_BREACHED, true)
        .containsEntry(RESPONSE_BREACHED_AT, date("2026-03-10T09:15:00Z"));
    assertThat(escalations(ticket)).extracting(SlaEscalation::slaType, SlaEscalation::level, SlaEscalation::label)
        .containsExactly(tuple("response", 1, "at risk"), tuple("response", 2, "breached"));
    assertThat(notifications(ticket)).filteredOn(n -> n.subject().contains("response SLA breached")).singleElement()
        .extracting(Notice::recipients).isEqualTo("service-managers");
    assertThat(notifications(ticket)).filteredOn(n -> n.kind().equals("escalation-requester")).singleElement()
        .extracting(Notice::recipients).isEqualTo("requester");

    // the agent responds: the response escalation tasks have nothing left to do and end, the resolution's timers stay
    at("2026-03-10T09:20:00Z");
    escalate(ticket);
    assertThat(taskService().createTaskQuery().processInstanceId(ticket.getId())
        .taskDefinitionKey(ACT_ON_RESPONSE_ESCALATION).count()).isZero();
    assertThat(timers(ticket)).containsOnlyKeys(RESOLUTION_AT_RISK, RESOLUTION_BREACHED, RESOLUTION_ESCALATED);
  }

  @Test
  void atRiskThenBreachedThenEscalated_eachFiresOnceAtItsTime() {
    at("2026-03-10T09:00:00Z");
    ProcessInstance ticket = submit(Map.of()); // P3: resolve within 8 working hours
    at("2026-03-10T09:10:00Z");
    escalate(ticket);

    fire(ticket, RESOLUTION_AT_RISK);
    assertThat(now()).isEqualTo(date("2026-03-10T15:00:00Z")); // 75 % = 6 working hours
    Task atRisk = escalationTask(ticket, "resolution", 1);
    assertThat(atRisk).hasCandidateGroup("service-desk").hasDueDate(date("2026-03-10T17:00:00Z"));

    fire(ticket, RESOLUTION_BREACHED);
    assertThat(now()).isEqualTo(date("2026-03-10T17:00:00Z"));
    assertThat(escalationTask(ticket, "resolution", 2)).hasCandidateGroup("service-managers");
    assertThat(ticket).variables().containsEntry(RESOLUTION_SLA_BREACHED, true)
        .containsEntry(RESOLUTION_BREACHED_AT, date("2026-03-10T17:00:00Z"));
    assertThat(notifications(ticket)).filteredOn(n -> n.subject().contains("resolution SLA breached")).singleElement()
        .satisfies(notice -> {
          assertThat(notice.recipients()).isEqualTo("service-managers");
          assertThat(notice.addresses()).containsExactly("mia@example.org");
          assertThat(notice.delivery()).isEqualTo("pending");
        });

    claim(atRisk, "dora");
    complete(atRisk, Map.of(ESCALATION_ACTION, "Asked hank for an update"));

    // 150 % = 12 working hours: 8h30 on Tuesday, 3h30 on Wednesday from 09:00
    fire(ticket, RESOLUTION_ESCALATED);
    assertThat(now()).isEqualTo(date("2026-03-11T12:30:00Z"));
    assertThat(escalationTask(ticket, "resolution", 3)).hasCandidateGroup("service-managers");
    assertThat(escalations(ticket)).extracting(SlaEscalation::level, SlaEscalation::label, SlaEscalation::at)
        .containsExactly(
            tuple(1, "at risk", Instant.parse("2026-03-10T15:00:00Z")),
            tuple(2, "breached", Instant.parse("2026-03-10T17:00:00Z")),
            tuple(3, "escalated", Instant.parse("2026-03-11T12:30:00Z")));
    assertThat(escalations(ticket).get(0).action()).isEqualTo("Asked hank for an update");
    assertThat(escalations(ticket).get(0).actedBy()).isEqualTo("dora");

    // the escalation raises the priority: P2 runs 24x7, 4h from Tuesday 09:00, long overdue; no rung fires twice
    execute(job("Task_RecomputeSlaTargets", ticket));
    assertThat(ticket).variables()
        .containsEntry(PRIORITY, "P2").containsEntry(PRIORITY_CORRECTED_FROM, "P3")
        .containsEntry(RESOLUTION_DUE_AT, date("2026-03-10T13:00:00Z"));
    assertThat(task(REVIEW_AND_DIAGNOSE, ticket).getPriority()).isEqualTo(75);
    assertThat(timers(ticket)).isEmpty();
    assertThat(escalations(ticket)).hasSize(3);
  }

  @Test
  void priorityCorrectedMidway_movesTheTimersAndKeepsTheTimeAlreadySpent() {
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
    assertThat(timers(ticket)).containsExactlyInAnyOrderEntriesOf(Map.of(
        RESOLUTION_AT_RISK, date("2026-03-10T12:00:00Z"), RESOLUTION_BREACHED, date("2026-03-10T13:00:00Z"),
        RESOLUTION_ESCALATED, date("2026-03-10T15:00:00Z")));
    assertThat(task(EXECUTE_CHANGE, ticket)).hasDueDate(date("2026-03-10T13:00:00Z"));
    assertThat(task(EXECUTE_CHANGE, ticket).getPriority()).isEqualTo(75);
  }

  @Test
  void resolvingTheTicket_endsEveryPendingTimerAndEscalation() {
    at("2026-03-10T09:00:00Z");
    ProcessInstance ticket = submit(Map.of());
    escalate(ticket);
    fire(ticket, RESOLUTION_AT_RISK); // an escalation task is open
    assertThat(escalationTask(ticket, "resolution", 1)).isNotNull();

    plan(ticket, "hank", "routine-fix", false);
    executeFix(ticket, "hank");

    assertThat(ticket).isWaitingAt(VERIFY_RESOLUTION).hasPassed("EndEvent_ResolutionEscalationMoot");
    // only the requester's own waits are left
    assertThat(timers(ticket)).containsOnlyKeys(VERIFICATION_REMINDER_DUE, NO_VERIFICATION_REPLY);
    assertThat(taskService().createTaskQuery().processInstanceId(ticket.getId())
        .taskDefinitionKeyIn(ACT_ON_ESCALATION.toArray(String[]::new)).count()).isZero();
    assertThat(ticket).variables().containsEntry(RESOLVED_AT, date("2026-03-10T15:00:00Z"));
  }

  @Test
  void requesterWhoNeverVerifies_isRemindedThenTheTicketClosesAsNoReply() {
    at("2026-03-10T09:00:00Z"); // Tuesday
    ProcessInstance ticket = submit(Map.of()); // P3: remind after 1 working day, close after 3
    at("2026-03-10T09:30:00Z");
    solveAtFirstLine(ticket);
    assertThat(task(VERIFY_RESOLUTION, ticket)).hasDueDate(date("2026-03-13T09:30:00Z"));

    fire(ticket, VERIFICATION_REMINDER_DUE);
    assertThat(now()).isEqualTo(date("2026-03-11T09:30:00Z"));
    assertThat(notifications(ticket)).extracting(Notice::recipients, Notice::subject).contains(
        tuple("requester", "Reminder: does the fix for ticket " + ticket.getBusinessKey() + " work?"),
        tuple("service-desk", "Ticket " + ticket.getBusinessKey() + ": the requester has not confirmed the fix"));
    assertThat(ticket).isWaitingAt(VERIFY_RESOLUTION);

    fire(ticket, NO_VERIFICATION_REPLY);
    assertThat(now()).isEqualTo(date("2026-03-13T09:30:00Z"));
    closeTicket(ticket);
    assertThat(recorded(ticket, CLOSURE_REASON)).isEqualTo("no-reply");
    assertThat(recorded(ticket, SURVEY_OUTCOME)).isEqualTo("not-asked");
  }

  @Test
  void requesterWhoNeverRates_isRemindedThenTheTicketClosesUnrated() {
    at("2026-03-13T15:00:00Z"); // Friday
    ProcessInstance ticket = submit(Map.of()); // P3: remind after 2 working days, give up after 5
    solveAtFirstLine(ticket);
    confirmFix(ticket);
    assertThat(task(RATE_SERVICE, ticket)).hasDueDate(date("2026-03-20T15:00:00Z"));

    fire(ticket, SURVEY_REMINDER_DUE); // Monday and Tuesday: the weekend does not count
    assertThat(now()).isEqualTo(date("2026-03-17T15:00:00Z"));
    assertThat(notifications(ticket)).extracting(Notice::subject)
        .contains("Reminder: please rate ticket " + ticket.getBusinessKey());

    fire(ticket, SURVEY_NOT_ANSWERED);
    closeTicket(ticket);
    assertThat(recorded(ticket, CLOSURE_REASON)).isEqualTo("confirmed");
    assertThat(recorded(ticket, SURVEY_OUTCOME)).isEqualTo("no-reply");
  }

  @Test
  void whileTheTicketIsResolved_theRequesterHearsTheProgressEveryFourWorkingHours() {
    at("2026-03-10T09:00:00Z"); // P3 on a Tuesday: every 4 working hours (ticket-sla-targets)
    ProcessInstance ticket = submit(Map.of());
    assertThat(progressTimer(ticket).getDuedate()).isEqualTo(date("2026-03-10T13:00:00Z"));

    fire(ticket, PROGRESS_UPDATE_DUE);
    assertThat(notifications(ticket)).filteredOn(notice -> notice.kind().equals("progress")).singleElement()
        .satisfies(notice -> {
          assertThat(notice.subject()).isEqualTo("Ticket " + ticket.getBusinessKey() + ": still in progress");
          assertThat(notice.addresses()).containsExactly("alice@example.org");
        });
    assertThat(progressTimer(ticket).getDuedate()).isEqualTo(date("2026-03-10T17:00:00Z"));

    fire(ticket, PROGRESS_UPDATE_DUE); // half an hour left on Tuesday, three and a half on Wednesday
    assertThat(progressTimer(ticket).getDuedate()).isEqualTo(date("2026-03-11T12:30:00Z"));
    assertThat(notifications(ticket)).filteredOn(notice -> notice.kind().equals("progress")).hasSize(2);

    solveAtFirstLine(ticket); // resolved: no more updates
    assertThat(progressTimer(ticket)).isNull();
  }

  // --- helpers

  static Job progressTimer(ProcessInstance ticket) {
    return managementService().createJobQuery().processInstanceId(ticket.getId()).timers()
        .activityId(PROGRESS_UPDATE_DUE).singleResult();
  }

  static void at(String instant) {
    ClockUtil.setCurrentTime(date(instant));
  }

  static Date date(String instant) {
    return Date.from(Instant.parse(instant));
  }

  static void askFromFirstLine(ProcessInstance ticket, String question) {
    claim(task(DIAGNOSE_AT_FIRST_LINE, ticket), "dora");
    complete(task(DIAGNOSE_AT_FIRST_LINE, ticket), TicketForms.question(question));
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

  /**
   * The ticket's waiting timers by the id of their boundary event, with their due dates as Cockpit shows them;
   * the repeating progress updates have a test of their own.
   */
  static Map<String, Date> timers(ProcessInstance ticket) {
    Map<String, Date> timers = new TreeMap<>();
    for (Job timer : managementService().createJobQuery().processInstanceId(ticket.getId()).timers().list()) {
      String activity = managementService().createJobDefinitionQuery().jobDefinitionId(timer.getJobDefinitionId())
          .singleResult().getActivityId();
      if (!PROGRESS_UPDATE_DUE.equals(activity)) {
        timers.put(activity, timer.getDuedate());
      }
    }
    return timers;
  }

  /** Moves the engine clock to the timer's due date and fires it. */
  static void fire(ProcessInstance ticket, String timerId) {
    Job timer = managementService().createJobQuery().processInstanceId(ticket.getId()).timers().activityId(timerId)
        .singleResult();
    assertThat(timer).as("timer %s", timerId).isNotNull();
    ClockUtil.setCurrentTime(timer.getDuedate());
    execute(timer);
  }

  static Date plus(Date date, String duration) {
    return Date.from(date.toInstant().plus(Duration.parse(duration)));
  }

  /** The open escalation task about a rung (1, 2, 3) of an SLA; it carries them as local variables. */
  static Task escalationTask(ProcessInstance ticket, String slaType, int level) {
    List<Task> tasks = taskService().createTaskQuery().processInstanceId(ticket.getId())
        .taskDefinitionKeyIn(ACT_ON_ESCALATION.toArray(String[]::new)).list().stream()
        .filter(task -> Integer.valueOf(level).equals(taskService().getVariable(task.getId(), ESCALATION_LEVEL))
            && slaType.equals(taskService().getVariable(task.getId(), SLA_TYPE)))
        .toList();
    assertThat(tasks).as("escalation tasks of the %s SLA, level %d", slaType, level).hasSize(1);
    return tasks.get(0);
  }

  static List<SlaEscalation> escalations(ProcessInstance ticket) {
    return list(ticket, SLA_ESCALATIONS, SlaEscalation.class);
  }

  static List<SlaPause> pauses(ProcessInstance ticket) {
    return list(ticket, SLA_PAUSES, SlaPause.class);
  }

  List<Notice> notifications(ProcessInstance ticket) {
    return outbox.ofTicket(ticket.getBusinessKey());
  }

  private static <T> List<T> list(ProcessInstance ticket, String variable, Class<T> type) {
    TypedValue value = runtimeService().getVariableTyped(ticket.getId(), variable, false);
    return JsonVariables.readList(value, variable, type);
  }
}
