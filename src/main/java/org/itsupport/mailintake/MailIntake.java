package org.itsupport.mailintake;

import static org.itsupport.model.TicketVariables.*;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.itsupport.intake.TicketIntake;
import org.itsupport.model.TicketProcess;
import org.itsupport.notification.NoticeOutbox;
import org.itsupport.requester.Profiles;
import org.itsupport.shared.EngineClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What one mail to the support mailbox does (README, E-mail intake):
 * <ul>
 *   <li>an automatic mail (our own notice, an auto-reply, a bounce) does nothing ({@link AutomaticMail});</li>
 *   <li>a mail whose subject names an existing ticket joins that ticket's conversation, and when the ticket waits
 *   for its requester's answer and the requester sent it, it is the answer;</li>
 *   <li>any other mail opens a ticket on the channel "email": its sender is the requester (a stranger's ticket has
 *   none; the service desk takes the requester's steps), its subject the title, its text the description.</li>
 * </ul>
 * Each mail is recorded in {@code mail_intake} by its Message-ID, so it is handled once: a reply is claimed there
 * in the transaction that adds it; a new mail's ticket is opened with the Message-ID as its idempotency key.
 */
@Component
public class MailIntake {

  /** What became of a mail. */
  public record Outcome(String outcome, String ticketNumber, String reason) {
  }

  private static final Pattern TICKET_NUMBER = Pattern.compile("\\b(\\d{6}-\\d{3,})\\b");
  private static final int TITLE_LENGTH = 120;
  private static final int TEXT_LENGTH = 4000;

  private final TicketIntake intake;
  private final HistoryService history;
  private final TaskService tasks;
  private final IdentityService identity;
  private final NoticeOutbox conversation;
  private final JdbcTemplate database;
  private final TransactionTemplate transaction;
  private final String ourAddress;

  MailIntake(TicketIntake intake, HistoryService history, TaskService tasks,
      IdentityService identity, NoticeOutbox conversation, DataSource dataSource,
      PlatformTransactionManager transactions, @Value("${itsupport.notifications.from}") String ourAddress) {
    this.intake = intake;
    this.history = history;
    this.tasks = tasks;
    this.identity = identity;
    this.conversation = conversation;
    this.database = new JdbcTemplate(dataSource);
    this.transaction = new TransactionTemplate(transactions);
    this.ourAddress = ourAddress.trim().toLowerCase(Locale.ROOT);
  }

  public Outcome handle(MimeMessage mail) throws MessagingException, IOException {
    String messageId = messageId(mail);
    Optional<Outcome> earlier = earlier(messageId);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    Optional<String> automatic = AutomaticMail.reason(mail, ourAddress);
    if (automatic.isPresent()) {
      return record(messageId, mail, new Outcome("ignored", null, automatic.get()));
    }
    String sender = AutomaticMail.sender(mail);
    String subject = mail.getSubject() == null ? "" : mail.getSubject().strip();
    String text = MailText.of(mail);
    Optional<HistoricProcessInstance> ticket = ticketNamedIn(subject);
    if (ticket.isPresent()) {
      return transaction.execute(status -> reply(messageId, mail, ticket.get(), sender, subject, text));
    }
    Outcome opened = open(messageId, mail, sender, subject, text);
    return record(messageId, mail, opened);
  }

  /** A failure, recorded so that it shows and the mail is not tried again and again. */
  public void failed(MimeMessage mail, Exception cause) throws MessagingException {
    record(messageId(mail), mail, new Outcome("failed", null, String.valueOf(cause.getMessage())));
  }

  private Outcome reply(String messageId, MimeMessage mail, HistoricProcessInstance ticket, String sender,
      String subject, String text) {
    String number = ticket.getBusinessKey();
    // claimed first: another node handling the same mail waits here for this transaction, then finds it handled
    if (!claim(messageId, mail, new Outcome("added", number, null))) {
      return earlier(messageId).orElseThrow();
    }
    String own = limit(MailText.withoutQuote(text), TEXT_LENGTH);
    conversation.received(number, ticket.getId(), sender, subject, own, EngineClock.now());
    Optional<Task> question = ticket.getEndTime() != null ? Optional.empty()
        : tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(TicketProcess.ANSWER_QUESTION)
            .active().list().stream().findFirst();
    if (question.isPresent() && !own.isEmpty() && isRequester(ticket, sender)) {
      tasks.complete(question.get().getId(), Map.of(REQUESTER_ANSWER, own));
      database.update("update mail_intake set outcome = 'answered' where message_id = ?", messageId);
      return new Outcome("answered", number, null);
    }
    if (question.isEmpty()) {
      return new Outcome("added", number, null);
    }
    String reason = "not from the requester, or empty";
    database.update("update mail_intake set reason = ? where message_id = ?", reason, messageId);
    return new Outcome("added", number, reason);
  }

  private Outcome open(String messageId, MimeMessage mail, String sender, String subject, String text)
      throws MessagingException {
    Optional<User> user = userWithAddress(sender);
    Map<String, Object> fields = new HashMap<>();
    user.ifPresent(found -> fields.put(REQUESTER_ID, found.getId()));
    Profiles.Profile profile = user.map(found -> Profiles.of(identity, found.getId())).orElse(null);
    fields.put(REQUESTER_NAME, limit(profile != null ? profile.requesterName() : personal(mail, sender), 120));
    fields.put(REQUESTER_DEPARTMENT, profile != null && profile.requesterDepartment() != null
        ? profile.requesterDepartment() : "not stated (e-mail)");
    fields.put(REQUESTER_CONTACT, sender);
    fields.put(CHANNEL, "email");
    fields.put(SERVICE_TYPE, "other");
    fields.put(TITLE, subject.isEmpty() ? "(no subject)" : limit(subject, TITLE_LENGTH));
    fields.put(DESCRIPTION, text.isEmpty() ? "(the mail has no text)" : limit(text, TEXT_LENGTH));
    fields.put(AFFECTED_SYSTEM, "not stated (e-mail)");
    // the service desk corrects these while diagnosing; the priority table gives such a ticket P3
    fields.put(IMPACT, "single-user");
    fields.put(URGENCY, "medium");
    TicketIntake.Registration opened = intake.open(fields, "mail:" + messageId);
    return new Outcome("opened", opened.ticket().number(), user.isEmpty() ? "sender is no user" : null);
  }

  private Optional<HistoricProcessInstance> ticketNamedIn(String subject) {
    Matcher number = TICKET_NUMBER.matcher(subject);
    while (number.find()) {
      HistoricProcessInstance ticket = history.createHistoricProcessInstanceQuery()
          .processDefinitionKey(TicketProcess.KEY).processInstanceBusinessKey(number.group(1)).singleResult();
      if (ticket != null) {
        return Optional.of(ticket);
      }
    }
    return Optional.empty();
  }

  private boolean isRequester(HistoricProcessInstance ticket, String sender) {
    Map<String, Object> requester = new HashMap<>();
    history.createHistoricVariableInstanceQuery().processInstanceId(ticket.getId())
        .variableNameIn(REQUESTER_ID, REQUESTER_CONTACT).list()
        .forEach(variable -> requester.putIfAbsent(variable.getName(), variable.getValue()));
    if (requester.get(REQUESTER_ID) instanceof String requesterId) {
      return userWithAddress(sender).map(user -> user.getId().equals(requesterId)).orElse(false);
    }
    return requester.get(REQUESTER_CONTACT) instanceof String contact && contact.trim().equalsIgnoreCase(sender);
  }

  /** The user with this address (senders are lower-cased, as the directory's addresses are written). */
  private Optional<User> userWithAddress(String address) {
    return identity.createUserQuery().userEmail(address).list().stream().findFirst();
  }

  private Optional<Outcome> earlier(String messageId) {
    return database.query("select outcome, ticket_number, reason from mail_intake where message_id = ?",
        (row, i) -> new Outcome(row.getString(1), row.getString(2), row.getString(3)), messageId).stream().findFirst();
  }

  /** What became of the mail, unless another node recorded it first: then what it recorded. */
  private Outcome record(String messageId, MimeMessage mail, Outcome outcome) {
    return claim(messageId, mail, outcome) ? outcome : earlier(messageId).orElseThrow();
  }

  /** Records the mail as handled; false when it was already (by another node, or before a crash). */
  private boolean claim(String messageId, MimeMessage mail, Outcome outcome) {
    try {
      return database.update("insert into mail_intake (message_id, received_at, sender, subject, outcome,"
              + " ticket_number, reason) values (?, ?, ?, ?, ?, ?, ?) on conflict (message_id) do nothing", messageId,
          Timestamp.from(EngineClock.now()), limit(AutomaticMail.sender(mail), 320), limit(mail.getSubject(), 1000),
          outcome.outcome(), outcome.ticketNumber(), limit(outcome.reason(), 2000)) == 1;
    } catch (MessagingException e) {
      throw new IllegalStateException("The mail's headers cannot be read", e);
    }
  }

  private static String messageId(MimeMessage mail) throws MessagingException {
    String id = mail.getMessageID();
    if (id != null && !id.isBlank()) {
      return limit(id.trim(), 1000);
    }
    // no Message-ID: what identifies the mail all the same
    return "<no-id:" + Integer.toHexString(String.join("|", String.valueOf(AutomaticMail.sender(mail)),
        String.valueOf(mail.getSubject()), String.valueOf(mail.getSentDate())).hashCode()) + ">";
  }

  private static String personal(MimeMessage mail, String sender) throws MessagingException {
    return mail.getFrom()[0] instanceof InternetAddress address && address.getPersonal() != null
        && !address.getPersonal().isBlank() ? address.getPersonal().strip() : sender;
  }

  private static String limit(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
  }
}
