package org.itsupport.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.itsupport.model.TicketProcess.*;
import static org.itsupport.model.TicketVariables.*;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.itsupport.ApplicationTest;
import org.itsupport.ticket.SampleIntake;
import org.itsupport.ticket.TicketForms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notices as the requester and the agents get them: through the real process, mailed to a real SMTP server
 * on 127.0.0.1 by the engine's notice jobs, which the tests run on the engine clock.
 */
@ApplicationTest
class NoticeMailTest {

  /** A Tuesday morning in March. */
  private static final Instant SUBMITTED = Instant.parse("2026-03-10T09:00:00Z");
  private static final MailServer MAIL = MailServer.shared();

  @Autowired
  ProcessEngine engine;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;
  @Autowired
  HistoryService history;
  @Autowired
  NoticeOutbox outbox;
  @Autowired
  PlatformTransactionManager transactions;

  @BeforeEach
  void setUp() throws Exception {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(SUBMITTED));
    // what other tests of the shared context left, whenever it is due
    noticeJobs().stream().filter(job -> job.getRetries() > 0).forEach(job -> management.executeJob(job.getId()));
    MAIL.greenMail().purgeEmailFromAllMailboxes();
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void theRequesterHearsOfEveryStep_withWhatToDoAndALinkToTheTask() throws Exception {
    ProcessInstance ticket = submit();
    String number = ticket.getBusinessKey();

    // first line asks a question; the requester is reminded, then answers
    firstLine(ticket, TicketForms.question("Which printer queue do you use?"));
    ProcessInstance question = runtime.createProcessInstanceQuery().superProcessInstanceId(ticket.getId())
        .singleResult();
    Task answer = task(ANSWER_QUESTION, question);
    fire(question, "Event_ReminderDue");
    complete(answer, Map.of(REQUESTER_ANSWER, "The one on floor 3"));
    execute(job("Task_ResumeSlaClocks", question));

    // escalated to the specialists, a high-risk plan waits for approval and is approved
    firstLine(ticket, TicketForms.escalation());
    execute(job("Task_DetermineSpecialistGroup", ticket));
    plan(ticket, "system-reinstall", true, Map.of());
    claim(task(APPROVE_CHANGE, ticket), "carl");
    complete(task(APPROVE_CHANGE, ticket), TicketForms.approval("approve", null));

    // the fix does not work: reopened, replanned with a corrected priority, fixed, confirmed, rated, closed
    executeFix(ticket);
    Task firstVerification = task(VERIFY_RESOLUTION, ticket);
    complete(firstVerification, Map.of(VERIFICATION_RESULT, "not-fixed", VERIFICATION_FEEDBACK, "Still no output"));
    execute(job("Task_ReopenTicket", ticket));
    execute(job("Task_DetermineSpecialistGroup", ticket));
    plan(ticket, "routine-fix", false,
        Map.of(PRIORITY, "P2", PRIORITY_CORRECTION_REASON, "Finance cannot print invoices"));
    executeFix(ticket);
    Task verification = task(VERIFY_RESOLUTION, ticket);
    complete(verification, TicketForms.confirmation());
    Task rating = task(RATE_SERVICE, ticket);
    complete(rating, TicketForms.rating(5, 4, 5, 5));
    execute(job("Task_CloseTicket", ticket));
    assertThat(ticket).isEnded();

    deliverNotices();
    List<MimeMessage> mails = MAIL.received();
    assertThat(mails).allSatisfy(mail -> {
      assertThat(recipients(mail)).containsExactly("alice@example.org");
      assertThat(mail.getSubject()).contains(number);
      assertThat(text(mail)).startsWith("Dear Alice Archer,").contains(number)
          .contains("http://localhost:8080/camunda/app/tasklist/default/");
      assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    });
    assertThat(mails).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
        "Ticket " + number + " received: Laptop cannot log in",
        "Ticket " + number + ": we need your answer",
        "Reminder: ticket " + number + " is waiting for your answer",
        "Ticket " + number + ": passed to our specialists",
        "Ticket " + number + ": the fix is waiting for approval",
        "Ticket " + number + ": the fix is approved and scheduled",
        "Ticket " + number + ": the fix is ready, please confirm it works",
        "Ticket " + number + " reopened: Laptop cannot log in",
        "Ticket " + number + ": priority changed from P3 to P2",
        "Ticket " + number + ": the fix is ready, please confirm it works",
        "Ticket " + number + ": how did we do?",
        "Ticket " + number + " closed: Laptop cannot log in");

    assertThat(text(mail(number + " received"))).contains("Priority: P3", "We will respond by: Tue 10 Mar 2026 09:30 GMT",
        "We aim to resolve it by: Tue 10 Mar 2026 17:00 GMT", "You need to do nothing now.");
    assertThat(text(mail("we need your answer"))).contains("Which printer queue do you use?",
        "#/?task=" + answer.getId());
    assertThat(text(mail("waiting for your answer"))).contains("#/?task=" + answer.getId());
    assertThat(text(mail("priority changed"))).contains("Why: Finance cannot print invoices", "New deadlines:");
    assertThat(mails).filteredOn(mail -> subject(mail).contains("please confirm")).extracting(this::text)
        .anySatisfy(body -> assertThat(body).contains("#/?task=" + firstVerification.getId()))
        .anySatisfy(body -> assertThat(body).contains("#/?task=" + verification.getId(),
            "Reinstalled and restored the profile"));
    assertThat(text(mail("reopened"))).contains("What you told us: Still no output");
    assertThat(text(mail("how did we do"))).contains("#/?task=" + rating.getId());
    assertThat(text(mail("closed"))).contains("What we did: Reinstalled and restored the profile",
        "You confirmed the fix.").doesNotContain("did not confirm");
    assertThat(outbox.ofTicket(number)).extracting(Notice::delivery).containsOnly(Notice.SENT);
  }

  @Test
  void theGroupsTheEscalationLadderNames_hearOfABreach_andTheRequesterOfTheEscalation() throws Exception {
    ProcessInstance ticket = submit(); // P3: respond within 30 business minutes
    String number = ticket.getBusinessKey();
    fire(ticket, RESPONSE_AT_RISK); // the ladder tells nobody at P3
    fire(ticket, RESPONSE_BREACHED); // ... the managers at the breach
    fire(ticket, RESPONSE_ESCALATED); // ... the managers and the requester, and raises the priority
    execute(job("Task_RecomputeSlaTargets", ticket));
    fire(ticket, PROGRESS_UPDATE_DUE); // four working hours after the start: where it stands

    deliverNotices();
    assertThat(MAIL.received()).extracting(this::subject, this::recipients).containsExactlyInAnyOrder(
        tuple("Ticket " + number + " received: Laptop cannot log in",
            List.of("alice@example.org")),
        tuple("Ticket " + number + ": response SLA breached", List.of("mia@example.org")),
        tuple("Ticket " + number + ": response SLA escalated", List.of("mia@example.org")),
        tuple("Ticket " + number + ": taking longer than we promised",
            List.of("alice@example.org")),
        tuple("Ticket " + number + ": priority changed from P3 to P2",
            List.of("alice@example.org")),
        tuple("Ticket " + number + ": still in progress", List.of("alice@example.org")));
    assertThat(text(mail("still in progress"))).contains("Priority: P2", "You need to do nothing now");
    assertThat(text(mail("response SLA breached"))).contains("has used 100 % of its response time",
        "Service desk (L1) has a task \"Act on escalation\"");
    assertThat(text(mail("priority changed"))).contains("Why: Raised when the response SLA was escalated");
  }

  @Test
  void unansweredRequests_remindTheRequester_andTheDeskChasesTheVerification() throws Exception {
    ProcessInstance ticket = submit();
    String number = ticket.getBusinessKey();
    firstLine(ticket, TicketForms.solvedAtFirstLine());
    Task verification = task(VERIFY_RESOLUTION, ticket);
    fire(ticket, VERIFICATION_REMINDER_DUE);
    fire(ticket, NO_VERIFICATION_REPLY);
    execute(job("Task_CloseTicket", ticket));

    deliverNotices();
    assertThat(text(mail("does the fix for ticket " + number + " work?"))).contains("#/?task=" + verification.getId(),
        "Without an answer, we will close the ticket");
    // one mail to the whole desk, a copy in each mailbox
    List<MimeMessage> chase = MAIL.received().stream()
        .filter(mail -> subject(mail).contains("the requester has not confirmed the fix")).toList();
    assertThat(chase).hasSize(2).allSatisfy(mail -> {
      assertThat(recipients(mail)).containsExactlyInAnyOrder("dora@example.org", "dean@example.org");
      assertThat(text(mail)).contains("Alice Archer", "alice@example.org");
    });
    assertThat(text(mail(number + " closed"))).contains("You did not confirm the fix in time");

    // another ticket, confirmed but not rated: reminded once, then closed unrated
    ClockUtil.setCurrentTime(Date.from(SUBMITTED));
    ProcessInstance rated = submit();
    firstLine(rated, TicketForms.solvedAtFirstLine());
    complete(task(VERIFY_RESOLUTION, rated), TicketForms.confirmation());
    Task rating = task(RATE_SERVICE, rated);
    fire(rated, SURVEY_REMINDER_DUE);
    fire(rated, SURVEY_NOT_ANSWERED);
    execute(job("Task_CloseTicket", rated));
    deliverNotices();
    MimeMessage reminder = mail("please rate ticket " + rated.getBusinessKey());
    assertThat(recipients(reminder)).containsExactly("alice@example.org");
    assertThat(text(reminder)).contains("#/?task=" + rating.getId(), "or skip it");
    assertThat(text(mail(rated.getBusinessKey() + " closed"))).contains("You confirmed the fix.");
  }

  @Test
  void aNoticeWhileTheMailServerIsDown_isDeliveredOnce_whenItIsBack() throws Exception {
    MAIL.stop();
    ProcessInstance ticket;
    Job delivery;
    try {
      ticket = submit();
      assertThat(noticeJobs()).hasSize(1); // the receipt
      delivery = noticeJobs().get(0);
      assertThatThrownBy(() -> management.executeJob(delivery.getId()))
          .hasMessageContaining("Notice 'Ticket " + ticket.getBusinessKey() + " received")
          .hasMessageContaining("could not be mailed");
      Job retried = management.createJobQuery().jobId(delivery.getId()).singleResult();
      assertThat(retried.getRetries()).isEqualTo(5);
      assertThat(retried.getDuedate()).isEqualTo(Date.from(SUBMITTED.plus(Duration.ofMinutes(1))));
      assertThat(outbox.ofTicket(ticket.getBusinessKey())).singleElement().satisfies(notice -> {
        assertThat(notice.delivery()).isEqualTo(Notice.PENDING);
        assertThat(notice.attempts()).isEqualTo(1);
        assertThat(notice.lastError()).contains("could not be mailed");
      });
      assertThat(management.createJobQuery().jobId(delivery.getId()).executable().count())
          .as("waits out the back-off").isZero();
    } finally {
      MAIL.start();
    }

    ClockUtil.setCurrentTime(Date.from(SUBMITTED.plus(Duration.ofMinutes(1))));
    deliverNotices();
    deliverNotices();
    assertThat(MAIL.received()).extracting(this::subject)
        .containsExactly("Ticket " + ticket.getBusinessKey() + " received: Laptop cannot log in");
    assertThat(noticeJobs()).isEmpty();
    assertThat(outbox.ofTicket(ticket.getBusinessKey())).singleElement().satisfies(notice -> {
      assertThat(notice.delivery()).isEqualTo(Notice.SENT);
      assertThat(notice.attempts()).isEqualTo(2);
      assertThat(notice.deliveredAt()).isEqualTo(SUBMITTED.plus(Duration.ofMinutes(1)));
    });
    // the failed attempt is in the job log with its error; the delivery itself is on the conversation only
    assertThat(history.createHistoricJobLogQuery().jobId(delivery.getId()).list())
        .singleElement().satisfies(log -> {
          assertThat(log.isFailureLog()).isTrue();
          assertThat(log.getJobExceptionMessage()).contains("could not be mailed");
        });
  }

  @Test
  void aNoticeTheMailServerNeverTakes_becomesAnIncidentInCockpit() {
    MAIL.stop();
    try {
      ProcessInstance ticket = submit();
      assertThat(noticeJobs()).hasSize(1); // the receipt
      Job delivery = noticeJobs().get(0);
      for (String wait : List.of("PT0S", "PT1M", "PT5M", "PT30M", "PT2H", "PT8H")) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.parse(wait))));
        assertThat(management.createJobQuery().jobId(delivery.getId()).executable().count()).isOne();
        assertThatThrownBy(() -> management.executeJob(delivery.getId())).hasMessageContaining("could not be mailed");
      }

      Incident incident = runtime.createIncidentQuery().incidentType("failedJob")
          .configuration(delivery.getId()).singleResult();
      assertThat(incident.getProcessDefinitionId()).isEqualTo(ticket.getProcessDefinitionId());
      assertThat(incident.getIncidentMessage()).contains(ticket.getBusinessKey(), "alice@example.org");
      assertThat(outbox.ofTicket(ticket.getBusinessKey())).singleElement().satisfies(notice -> {
        assertThat(notice.delivery()).isEqualTo(Notice.FAILED);
        assertThat(notice.attempts()).isEqualTo(6);
      });
      // the operator's "retry" in Cockpit, once the mail server is back, delivers it
      MAIL.start();
      management.setJobRetries(delivery.getId(), 1);
      management.executeJob(delivery.getId());
      assertThat(MAIL.received()).hasSize(1);
      assertThat(runtime.createIncidentQuery().configuration(delivery.getId()).count()).isZero();
    } finally {
      if (MAIL.greenMail() == null) {
        MAIL.start();
      }
    }
  }

  @Test
  void aStepThatRollsBack_sendsNothing() {
    assertThat(noticeJobs()).isEmpty();
    TransactionTemplate step = new TransactionTemplate(transactions);
    String number = step.execute(status -> {
      ProcessInstance ticket = runtime.startProcessInstanceByKey(KEY, SampleIntake.intake());
      execute(job("Task_StartSlaClocks", ticket));
      assertThat(outbox.ofTicket(ticket.getBusinessKey())).hasSize(1); // written, not yet committed
      status.setRollbackOnly();
      return ticket.getBusinessKey();
    });

    assertThat(outbox.ofTicket(number)).isEmpty();
    assertThat(noticeJobs()).isEmpty();
    deliverNotices();
    assertThat(MAIL.received()).isEmpty();
  }

  // --- the steps

  private ProcessInstance submit() {
    ProcessInstance ticket = runtime.startProcessInstanceByKey(KEY, SampleIntake.intake());
    execute(job("Task_StartSlaClocks", ticket));
    return ticket;
  }

  private void plan(ProcessInstance ticket, String changeType, boolean backupAvailable, Map<String, Object> more) {
    claim(task(REVIEW_AND_DIAGNOSE, ticket), "hank");
    Map<String, Object> plan = TicketForms.plan("P3", changeType, backupAvailable);
    plan.putAll(more);
    complete(task(REVIEW_AND_DIAGNOSE, ticket), plan);
    if (more.containsKey(PRIORITY)) {
      execute(job("Task_RecomputeSlaTargets", ticket));
    }
    execute(job("Task_AssessChangeRisk", ticket));
  }

  /** dora works the first-line task. */
  private void firstLine(ProcessInstance ticket, Map<String, Object> answers) {
    claim(task(DIAGNOSE_AT_FIRST_LINE, ticket), "dora");
    complete(task(DIAGNOSE_AT_FIRST_LINE, ticket), answers);
  }

  private void executeFix(ProcessInstance ticket) {
    claim(task(EXECUTE_CHANGE, ticket), "hank");
    complete(task(EXECUTE_CHANGE, ticket), TicketForms.fix());
  }

  private void fire(ProcessInstance instance, String timerId) {
    Job timer = management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(timerId)
        .singleResult();
    assertThat(timer).as("timer %s", timerId).isNotNull();
    ClockUtil.setCurrentTime(timer.getDuedate());
    execute(timer);
  }

  /** What the job executor would do: run every notice job that is due. */
  private void deliverNotices() {
    noticeJobs().stream().filter(job -> !job.getDuedate().after(ClockUtil.getCurrentTime()) && job.getRetries() > 0)
        .forEach(job -> management.executeJob(job.getId()));
  }

  private List<Job> noticeJobs() {
    return management.createJobQuery().list().stream()
        .filter(job -> NoticeDelivery.TYPE.equals(((JobEntity) job).getJobHandlerType())).toList();
  }

  // --- the mails

  private MimeMessage mail(String subjectPart) {
    List<MimeMessage> matching = MAIL.received().stream().filter(mail -> subject(mail).contains(subjectPart)).toList();
    assertThat(matching).as("mails with '%s' in their subject", subjectPart).hasSize(1);
    return matching.get(0);
  }

  private String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> recipients(MimeMessage mail) {
    try {
      return java.util.Arrays.stream(mail.getAllRecipients()).map(Address::toString).toList();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String text(MimeMessage mail) {
    try {
      return ((String) mail.getContent()).replace("\r\n", "\n");
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
