package org.itsupport.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.itsupport.shared.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The engine job that mails one notice (job type {@value #TYPE}, configuration: the notice's id). It runs after
 * the step that wrote the notice committed, on whichever node acquires it. When the mail server refuses or is
 * down, the job fails and {@link NoticeRetries} tries again later; when it gives up, Cockpit shows the incident
 * and an operator retries it there once the mail server is back.
 * <p>
 * Without a mail server (spring.mail.host unset, as in the demo) the notice is logged and stays on the ticket as
 * "logged". The notice's id is its Message-ID, so should a node die between sending and recording it, the second
 * delivery is recognisably the same mail.
 */
@Component
public class NoticeDelivery implements JobHandler<NoticeDelivery.NoticeId> {

  public static final String TYPE = "ticket-notice";
  private static final Logger LOG = LoggerFactory.getLogger(NoticeDelivery.class);

  /** The job's configuration: which notice to deliver. */
  public record NoticeId(String value) implements JobHandlerConfiguration {
    @Override
    public String toCanonicalString() {
      return value;
    }
  }

  private final NoticeOutbox outbox;
  private final ObjectProvider<JavaMailSender> mail;
  private final String from;

  public NoticeDelivery(NoticeOutbox outbox, ObjectProvider<JavaMailSender> mail,
      @Value("${itsupport.notifications.from}") String from) {
    this.outbox = outbox;
    this.mail = mail;
    this.from = from;
  }

  /** Says at start-up how notices go out, so that an operator of the demo knows why no mail arrives. */
  @EventListener(ApplicationReadyEvent.class)
  public void sayHowNoticesGoOut() {
    if (mail.getIfAvailable() == null) {
      LOG.info("No mail server configured (spring.mail.host): notices are logged and kept on their tickets"
          + " (Tasklist: My tickets, and each task's Conversation tab)");
    } else {
      LOG.info("Notices are mailed from {}", from);
    }
  }

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  public void execute(NoticeId id, ExecutionEntity execution, CommandContext commandContext, String tenantId) {
    Notice notice = outbox.find(id.value())
        .orElseThrow(() -> new ProcessEngineException("There is no notice " + id.value() + " to deliver"));
    if (!Notice.PENDING.equals(notice.delivery()) && !Notice.FAILED.equals(notice.delivery())) {
      return; // delivered already; a failed one is tried again when an operator retries its job
    }
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      LOG.info("Ticket {}: notice '{}' to {} not mailed (no mail server configured, spring.mail.host):\n{}",
          notice.ticketNumber(), notice.subject(), notice.addresses(), notice.body());
      outbox.delivered(notice.id(), Notice.LOGGED, EngineClock.now());
      return;
    }
    try {
      sender.send(message(sender, notice));
    } catch (MailException | MessagingException e) {
      throw new ProcessEngineException("Notice '" + notice.subject() + "' of ticket " + notice.ticketNumber() + " to "
          + String.join(", ", notice.addresses()) + " could not be mailed: " + e.getMessage(), e);
    }
    outbox.delivered(notice.id(), Notice.SENT, EngineClock.now());
    LOG.info("Ticket {}: notice '{}' mailed to {}", notice.ticketNumber(), notice.subject(), notice.addresses());
  }

  private MimeMessage message(JavaMailSender sender, Notice notice) throws MessagingException {
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
    helper.setFrom(from);
    helper.setTo(notice.addresses().toArray(String[]::new));
    helper.setSubject(notice.subject());
    helper.setText(notice.body());
    // our own notices are machine-written: mail loops and auto-replies recognise them (RFC 3834)
    message.setHeader("Auto-Submitted", "auto-generated");
    message.setHeader(NoticeHeaders.TICKET, notice.ticketNumber());
    // kept by Spring's sender: a repeated delivery carries the same Message-ID
    message.setHeader("Message-ID", "<" + notice.id() + "@" + domain(from) + ">");
    return message;
  }

  private static String domain(String address) {
    int at = address.lastIndexOf('@');
    return at < 0 ? "itsupport" : address.substring(at + 1).replace(">", "").trim();
  }

  @Override
  public NoticeId newConfiguration(String canonicalString) {
    return new NoticeId(canonicalString);
  }

  @Override
  public void onDelete(NoticeId configuration, JobEntity jobEntity) {
    // the notice stays in the ticket's conversation, with what became of it
  }
}
