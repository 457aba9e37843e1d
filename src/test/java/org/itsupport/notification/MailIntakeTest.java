package org.itsupport.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itsupport.model.TicketProcess.*;
import static org.itsupport.model.TicketVariables.*;

import com.icegreen.greenmail.store.StoredMessage;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.itsupport.ApplicationTest;
import org.itsupport.mailintake.SupportMailbox;
import org.itsupport.ticket.SampleIntake;
import org.itsupport.ticket.TicketForms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Mail to the support mailbox, on a real IMAP server on 127.0.0.1: new mail opens tickets, replies join them and
 * answer their questions, automatic mail opens nothing, and a mail that cannot be handled is kept and reported.
 */
@ApplicationTest
class MailIntakeTest {

  private static final MailServer MAIL = MailServer.shared();

  @Autowired
  ProcessEngine engine;
  @Autowired
  SupportMailbox mailbox;
  @Autowired
  NoticeOutbox conversation;
  @Autowired
  DataSource dataSource;

  @BeforeEach
  void emptyMailbox() throws Exception {
    MAIL.greenMail().purgeEmailFromAllMailboxes();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aNewMail_opensATicketForItsSender() throws Exception {
    MimeMessage mail = mail("alice@example.org", "Alice Archer", "Printer on floor 3 prints blank pages",
        "Since this morning every page comes out blank.\nI tried another tray.");
    MAIL.deliverToSupport(mail);

    assertThat(mailbox.poll()).isEqualTo(1);

    HistoricProcessInstance ticket = ticketOf(mail);
    Map<String, Object> values = variables(ticket);
    assertThat(values).containsEntry(CHANNEL, "email").containsEntry(REQUESTER_ID, "alice")
        .containsEntry(REQUESTER_NAME, "Alice Archer").containsEntry(REQUESTER_DEPARTMENT, "Finance")
        .containsEntry(REQUESTER_CONTACT, "alice@example.org")
        .containsEntry(TITLE, "Printer on floor 3 prints blank pages")
        .containsEntry(DESCRIPTION, "Since this morning every page comes out blank.\nI tried another tray.")
        .containsEntry(PRIORITY, "P3");
    assertThat(outcome(mail)).isEqualTo("opened");
    assertThat(MAIL.supportMailbox()).singleElement()
        .satisfies(stored -> assertThat(stored.getFlags().contains(Flags.Flag.SEEN)).isTrue());

    // handled once: seen again (say the flag was lost), it opens nothing new
    MAIL.supportMailbox().get(0).setFlag(Flags.Flag.SEEN, false);
    assertThat(mailbox.poll()).isEqualTo(1);
    assertThat(ticketsTitled("Printer on floor 3 prints blank pages")).hasSize(1);
  }

  @Test
  void aStrangersMail_opensATicket_andTheServiceDeskTakesTheRequestersSteps() throws Exception {
    MimeMessage mail = mail("visitor@partner.example", "Vera Visitor", "Guest Wi-Fi rejects my voucher", "Code 4711");
    MAIL.deliverToSupport(mail);
    mailbox.poll();

    HistoricProcessInstance ticket = ticketOf(mail);
    assertThat(variables(ticket)).containsEntry(REQUESTER_NAME, "Vera Visitor")
        .containsEntry(REQUESTER_CONTACT, "visitor@partner.example").containsEntry(REQUESTER_ID, null);
    runJobs(ticket.getId());
    Task firstLine = engine.getTaskService().createTaskQuery().processInstanceId(ticket.getId()).singleResult();
    engine.getTaskService().claim(firstLine.getId(), "dora");
    engine.getTaskService().complete(firstLine.getId(), TicketForms.solvedAtFirstLine());
    Task verification = engine.getTaskService().createTaskQuery().processInstanceId(ticket.getId()).singleResult();
    assertThat(verification.getTaskDefinitionKey()).isEqualTo(VERIFY_RESOLUTION);
    assertThat(verification.getAssignee()).isNull();
    assertThat(engine.getTaskService().getIdentityLinksForTask(verification.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("service-desk"));
    assertThat(conversation.ofTicket(ticket.getBusinessKey())).extracting(Notice::kind, Notice::addresses)
        .contains(org.assertj.core.groups.Tuple.tuple("received", List.of("visitor@partner.example")));
  }

  @Test
  void aReplyToANotice_joinsItsTicket_andAnswersThePendingQuestion() throws Exception {
    ClockUtil.setCurrentTime(new Date());
    ProcessInstance ticket = engine.getRuntimeService().startProcessInstanceByKey(KEY, SampleIntake.intake());
    runJobs(ticket.getId());
    Task firstLine = engine.getTaskService().createTaskQuery().processInstanceId(ticket.getId()).singleResult();
    engine.getTaskService().claim(firstLine.getId(), "dora");
    engine.getTaskService().complete(firstLine.getId(), TicketForms.question("Which printer queue do you use?"));
    String number = ticket.getBusinessKey();

    MimeMessage reply = mail("Alice@Example.org", "Alice Archer", "Re: Ticket " + number + ": we need your answer",
        "The one on floor 3, FIN-PRN-3.\n\nOn Tue, 1 Dec 2026 at 09:00, IT support wrote:\n> to go on with your ticket");
    MAIL.deliverToSupport(reply);
    mailbox.poll();

    assertThat(outcome(reply)).isEqualTo("answered");
    ProcessInstance question = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(ticket.getId()).singleResult();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(question.getId())
        .taskDefinitionKey(ANSWER_QUESTION).count()).isZero();
    assertThat(engine.getRuntimeService().getVariable(question.getId(), REQUESTER_ANSWER))
        .isEqualTo("The one on floor 3, FIN-PRN-3.");
    assertThat(conversation.conversation(number)).filteredOn(message -> message.delivery().equals("received"))
        .singleElement().satisfies(message -> {
          assertThat(message.subject()).isEqualTo("Re: Ticket " + number + ": we need your answer");
          assertThat(message.body()).isEqualTo("The one on floor 3, FIN-PRN-3.");
          assertThat(message.addresses()).containsExactly("alice@example.org");
        });
    assertThat(ticketsTitled("Re: Ticket " + number + ": we need your answer")).isEmpty();

    // a second mail about the same ticket, from someone else, only joins the conversation
    MimeMessage other = mail("bob@example.org", "Bob Baker", "Ticket " + number + " - same here", "Me too");
    MAIL.deliverToSupport(other);
    mailbox.poll();
    assertThat(outcome(other)).isEqualTo("added");
  }

  @Test
  void autoRepliesBouncesAndOurOwnNotices_openNothing() throws Exception {
    MimeMessage outOfOffice = mail("alice@example.org", "Alice Archer", "Automatic reply: Ticket 202612-001 received",
        "I am out of the office until Monday.");
    outOfOffice.setHeader("Auto-Submitted", "auto-replied");
    MimeMessage ownNotice = mail("it-support@localhost", "IT support", "Ticket 202612-001 received: Printer",
        "Dear Alice Archer, ...");
    ownNotice.setHeader(NoticeHeaders.TICKET, "202612-001");
    ownNotice.setHeader("Auto-Submitted", "auto-generated");
    MimeMessage bounce = mail("MAILER-DAEMON@mail.example.org", "Mail Delivery System", "Undelivered Mail Returned to Sender",
        "This is the mail system. I'm sorry to have to inform you that your message could not be delivered.");
    MimeMessage ourAddress = mail("it-support@localhost", "IT support", "Looks like a person", "but is us");
    for (MimeMessage mail : List.of(outOfOffice, ownNotice, bounce, ourAddress)) {
      MAIL.deliverToSupport(mail);
    }

    assertThat(mailbox.poll()).isEqualTo(4);

    for (MimeMessage mail : List.of(outOfOffice, ownNotice, bounce, ourAddress)) {
      assertThat(outcome(mail)).as(mail.getSubject()).isEqualTo("ignored");
      assertThat(ticketsTitled(mail.getSubject())).as(mail.getSubject()).isEmpty();
    }
    assertThat(reason(outOfOffice)).isEqualTo("Auto-Submitted: auto-replied");
    assertThat(reason(ownNotice)).isEqualTo("one of our own notices");
    assertThat(reason(bounce)).isEqualTo("sent by mailer-daemon@mail.example.org");
  }

  @Test
  void aMailThatCannotBeHandled_isKeptFlagged_andReported() throws Exception {
    MimeMessage garbage = mail("alice@example.org", "Alice Archer", "Printer \u0007 beeps", "It beeps.");
    MAIL.deliverToSupport(garbage);

    mailbox.poll();

    assertThat(outcome(garbage)).isEqualTo("failed");
    assertThat(reason(garbage)).contains("title");
    StoredMessage kept = MAIL.supportMailbox().get(0);
    assertThat(kept.getFlags().contains("itsupport-failed")).isTrue();
    assertThat(mailbox.poll()).as("not tried again on every poll").isZero();
    assertThat(ticketsTitled("Printer \u0007 beeps")).isEmpty();
  }

  // --- helpers

  private static MimeMessage mail(String from, String name, String subject, String text) throws Exception {
    MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
    mail.setFrom(new InternetAddress(from, name));
    mail.setRecipients(jakarta.mail.Message.RecipientType.TO, MailServer.SUPPORT_ADDRESS);
    mail.setSubject(subject, "UTF-8");
    mail.setText(text, "UTF-8");
    mail.setSentDate(new Date());
    mail.saveChanges();
    mail.setHeader("Message-ID", "<" + UUID.randomUUID() + "@test.example>");
    return mail;
  }

  private HistoricProcessInstance ticketOf(MimeMessage mail) throws Exception {
    String number = new JdbcTemplate(dataSource).queryForObject(
        "select ticket_number from mail_intake where message_id = ?", String.class, mail.getMessageID());
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey(KEY).singleResult();
  }

  private String outcome(MimeMessage mail) throws Exception {
    return new JdbcTemplate(dataSource).queryForObject("select outcome from mail_intake where message_id = ?",
        String.class, mail.getMessageID());
  }

  private String reason(MimeMessage mail) throws Exception {
    return new JdbcTemplate(dataSource).queryForObject("select reason from mail_intake where message_id = ?",
        String.class, mail.getMessageID());
  }

  private List<HistoricProcessInstance> ticketsTitled(String title) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
        .variableValueEquals(TITLE, title).list();
  }

  private Map<String, Object> variables(HistoricProcessInstance ticket) {
    Map<String, Object> values = new java.util.HashMap<>();
    engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(ticket.getId()).list()
        .forEach(variable -> values.putIfAbsent(variable.getName(), variable.getValue()));
    return values;
  }

  private void runJobs(String processInstanceId) {
    for (Job job : engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).list()) {
      engine.getManagementService().executeJob(job.getId());
    }
  }
}
