package org.itsupport.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itsupport.model.TicketProcess.*;
import static org.itsupport.model.TicketVariables.*;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.itsupport.knowledge.Article;
import org.itsupport.knowledge.Articles;
import org.itsupport.ticket.SampleIntake;
import org.itsupport.ticket.TicketForms;

/**
 * The review's fixture month: six tickets in February 2025 (no other test uses that month), sent through the real
 * process on the engine clock: different priorities, a breach, a pause, a reopen, a rejection, low and high ratings.
 * The tests of the report work out each figure by hand from the steps below. London is
 * on GMT in February; the business day is 09:00–17:30.
 *
 * <pre>
 * T1 P3 hardware portal LT-0042 alice: Mon 3rd 09:00, solved at first line 09:10, confirmed 09:30, rated 5 5 4 5
 * T2 P3 software email  ERP     bob:   Mon 3rd 10:00, escalated 10:20, planned 11:20 (no approval), fixed 12:20,
 *                                     confirmed 13:00, rated 4 4 5 5
 * T3 P3 hardware portal LT-0042 alice: Tue 4th 09:00, escalated 09:05, reinstall planned 10:00, rejected 10:30,
 *                                     replanned 11:00, approved 11:30, fixed 12:30, not fixed 13:00 (reopened),
 *                                     planned 14:00, fixed 15:00, confirmed 15:30, rated 2 3 3 3, followed up
 * T4 P2 network  phone  VPN     alice: Wed 5th 09:00, response at risk 09:11:15 and breached 09:15, escalated
 *                                     09:20, planned 10:00, fixed 11:00, confirmed 11:30, survey skipped
 * T5 P3 hardware portal PRN-3   alice: Thu 6th 09:00, question 09:10 answered 10:10, solved with an article
 *                                     10:20, confirmed 10:30, rated 5 5 5 5
 * T6 P4 software chat   LT-0099 alice: Fri 7th 09:00, still at first line
 * </pre>
 */
final class FixtureMonth {

  static final YearMonth MONTH = YearMonth.of(2025, 2);

  private final ProcessEngine engine;
  /** T5 is solved at first line with this article. */
  private final String printerQueueArticle;

  private FixtureMonth(ProcessEngine engine, String printerQueueArticle) {
    this.engine = engine;
    this.printerQueueArticle = printerQueueArticle;
  }

  /** Sends the fixture's tickets through the process, unless a test of this run did already. */
  static synchronized void ensure(ProcessEngine engine, Articles articles) {
    ZoneId london = ZoneId.of("Europe/London");
    long worked = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
        .startedAfter(Date.from(MONTH.atDay(1).atStartOfDay(london).toInstant()))
        .startedBefore(Date.from(MONTH.plusMonths(1).atDay(1).atStartOfDay(london).toInstant())).count();
    if (worked > 0) {
      return;
    }
    String article = articles.propose(new Article.Draft("Printer queue paused", "hardware", "PRN-3",
        "Jobs wait in the printer's queue and nothing prints", "Open the queue and choose Resume printing", null, null,
        null), "hank");
    articles.publish(article, 1, "olga");
    FixtureMonth fixture = new FixtureMonth(engine, article);
    try {
      fixture.ticket1();
      fixture.ticket2();
      fixture.ticket3();
      fixture.ticket4();
      fixture.ticket5();
      fixture.ticket6();
    } finally {
      ClockUtil.reset();
    }
  }

  // --- the fixture tickets

  private void ticket1() {
    ProcessInstance ticket = submit("2025-02-03T09:00:00Z", Map.of(AFFECTED_SYSTEM, "LT-0042"));
    at("2025-02-03T09:10:00Z");
    work(ticket, DIAGNOSE_AT_FIRST_LINE, "dora", TicketForms.solvedAtFirstLine());
    at("2025-02-03T09:30:00Z");
    work(ticket, VERIFY_RESOLUTION, null, TicketForms.confirmation());
    at("2025-02-03T09:40:00Z");
    work(ticket, RATE_SERVICE, null, TicketForms.rating(5, 5, 4, 5));
    runJobs(ticket);
  }

  private void ticket2() {
    ProcessInstance ticket = submit("2025-02-03T10:00:00Z", Map.of(SERVICE_TYPE, "software", CHANNEL, "email",
        AFFECTED_SYSTEM, "ERP", REQUESTER_ID, "bob", REQUESTER_NAME, "Bob Baker", URGENCY, "medium"));
    at("2025-02-03T10:20:00Z");
    work(ticket, DIAGNOSE_AT_FIRST_LINE, "dora", TicketForms.escalation());
    runJobs(ticket);
    at("2025-02-03T11:20:00Z");
    work(ticket, REVIEW_AND_DIAGNOSE, "sofia", TicketForms.plan("P3", "routine-fix", false));
    runJobs(ticket);
    at("2025-02-03T12:20:00Z");
    work(ticket, EXECUTE_CHANGE, "sofia", TicketForms.fix());
    at("2025-02-03T13:00:00Z");
    work(ticket, VERIFY_RESOLUTION, null, TicketForms.confirmation());
    work(ticket, RATE_SERVICE, null, TicketForms.rating(4, 4, 5, 5));
    runJobs(ticket);
  }

  private void ticket3() {
    ProcessInstance ticket = submit("2025-02-04T09:00:00Z", Map.of(AFFECTED_SYSTEM, "LT-0042"));
    at("2025-02-04T09:05:00Z");
    work(ticket, DIAGNOSE_AT_FIRST_LINE, "dora", TicketForms.escalation());
    runJobs(ticket);
    at("2025-02-04T10:00:00Z");
    work(ticket, REVIEW_AND_DIAGNOSE, "hank", TicketForms.plan("P3", "system-reinstall", true));
    runJobs(ticket);
    at("2025-02-04T10:30:00Z");
    work(ticket, APPROVE_CHANGE, "carl", TicketForms.approval("reject", "Reinstall after the backup is verified"));
    at("2025-02-04T11:00:00Z");
    work(ticket, REVIEW_AND_DIAGNOSE, "hank", TicketForms.plan("P3", "system-reinstall", true));
    runJobs(ticket);
    at("2025-02-04T11:30:00Z");
    work(ticket, APPROVE_CHANGE, "carl", TicketForms.approval("approve", null));
    at("2025-02-04T12:30:00Z");
    work(ticket, EXECUTE_CHANGE, "hank", TicketForms.fix());
    at("2025-02-04T13:00:00Z");
    work(ticket, VERIFY_RESOLUTION, null, Map.of(VERIFICATION_RESULT, "not-fixed",
        VERIFICATION_FEEDBACK, "Still locked out"));
    runJobs(ticket);
    runJobs(ticket);
    at("2025-02-04T14:00:00Z");
    work(ticket, REVIEW_AND_DIAGNOSE, "hank", TicketForms.plan("P3", "routine-fix", false));
    runJobs(ticket);
    at("2025-02-04T15:00:00Z");
    work(ticket, EXECUTE_CHANGE, "hank", TicketForms.fix());
    at("2025-02-04T15:30:00Z");
    work(ticket, VERIFY_RESOLUTION, null, TicketForms.confirmation());
    work(ticket, RATE_SERVICE, null, TicketForms.rating(2, 3, 3, 3));
    at("2025-02-04T16:00:00Z");
    work(ticket, FOLLOW_UP_LOW_RATING, "mia", Map.of(FOLLOW_UP_NOTES, "Called Alice: the reinstall took too long"));
    runJobs(ticket);
  }

  private void ticket4() {
    ProcessInstance ticket = submit("2025-02-05T09:00:00Z", Map.of(SERVICE_TYPE, "network", CHANNEL, "phone",
        AFFECTED_SYSTEM, "VPN", IMPACT, "department"));
    fire(ticket, RESPONSE_AT_RISK);
    fire(ticket, RESPONSE_BREACHED);
    at("2025-02-05T09:20:00Z");
    work(ticket, DIAGNOSE_AT_FIRST_LINE, "dora", TicketForms.escalation());
    runJobs(ticket);
    at("2025-02-05T10:00:00Z");
    work(ticket, REVIEW_AND_DIAGNOSE, "nick", TicketForms.plan("P2", "routine-fix", false));
    runJobs(ticket);
    at("2025-02-05T11:00:00Z");
    work(ticket, EXECUTE_CHANGE, "nick", TicketForms.fix());
    at("2025-02-05T11:30:00Z");
    work(ticket, VERIFY_RESOLUTION, null, TicketForms.confirmation());
    work(ticket, RATE_SERVICE, null, Map.of(SURVEY_SKIPPED, true));
    runJobs(ticket);
  }

  private void ticket5() {
    ProcessInstance ticket = submit("2025-02-06T09:00:00Z", Map.of(AFFECTED_SYSTEM, "PRN-3"));
    at("2025-02-06T09:10:00Z");
    work(ticket, DIAGNOSE_AT_FIRST_LINE, "dora", TicketForms.question("Which printer queue?"));
    ProcessInstance question = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(ticket.getId()).singleResult();
    at("2025-02-06T10:10:00Z");
    work(question, ANSWER_QUESTION, null, Map.of(REQUESTER_ANSWER, "The one on floor 3"));
    runJobs(question);
    at("2025-02-06T10:20:00Z");
    work(ticket, DIAGNOSE_AT_FIRST_LINE, "dora", Map.of(FIRST_LINE_NOTES, "Queue paused, as in the article",
        FIRST_LINE_OUTCOME, "solved", SOLVED_WITH_ARTICLE, printerQueueArticle));
    at("2025-02-06T10:30:00Z");
    work(ticket, VERIFY_RESOLUTION, null, TicketForms.confirmation());
    work(ticket, RATE_SERVICE, null, TicketForms.rating(5, 5, 5, 5));
    runJobs(ticket);
  }

  private void ticket6() {
    submit("2025-02-07T09:00:00Z", Map.of(SERVICE_TYPE, "software", CHANNEL, "chat", AFFECTED_SYSTEM, "LT-0099",
        URGENCY, "low"));
  }

  // --- steps

  private ProcessInstance submit(String at, Map<String, Object> fields) {
    at(at);
    ProcessInstance ticket = engine.getRuntimeService().startProcessInstanceByKey(KEY,
        SampleIntake.intake(new HashMap<>(fields)));
    runJobs(ticket);
    return ticket;
  }

  /** Claims (unless it is the requester's) and completes the instance's open task of that step. */
  private void work(ProcessInstance instance, String step, String agent, Map<String, Object> answers) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(step).singleResult();
    assertThat(task).as("%s of %s", step, instance.getBusinessKey()).isNotNull();
    if (agent != null && !agent.equals(task.getAssignee())) {
      engine.getTaskService().claim(task.getId(), agent);
    }
    engine.getTaskService().complete(task.getId(), answers);
  }

  /** The asynchronous steps that are due now, as the job executor would run them. */
  private void runJobs(ProcessInstance instance) {
    List<Job> due = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).messages()
        .list();
    due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
  }

  private void fire(ProcessInstance ticket, String timer) {
    Job job = engine.getManagementService().createJobQuery().processInstanceId(ticket.getId()).timers()
        .activityId(timer).singleResult();
    ClockUtil.setCurrentTime(job.getDuedate());
    engine.getManagementService().executeJob(job.getId());
  }

  private static void at(String instant) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
  }
}
