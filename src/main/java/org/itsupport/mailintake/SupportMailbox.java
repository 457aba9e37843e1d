package org.itsupport.mailintake;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.FlagTerm;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the support mailbox (itsupport.mail-intake.*) and hands each new mail to {@link MailIntake}. A mail it
 * handled is marked seen; a mail it could not handle stays in the mailbox, marked seen and flagged
 * "{@value #FAILED}", and is recorded and logged as an error with the reason: kept and reported, never lost,
 * and not tried again on every poll. Several nodes may poll the same mailbox: the Message-ID decides.
 */
@Component
@EnableConfigurationProperties(MailIntakeProperties.class)
@ConditionalOnProperty(name = "itsupport.mail-intake.enabled", havingValue = "true")
public class SupportMailbox {

  static final String FAILED = "itsupport-failed";
  private static final Logger LOG = LoggerFactory.getLogger(SupportMailbox.class);

  private final MailIntakeProperties mailbox;
  private final MailIntake intake;

  SupportMailbox(MailIntakeProperties mailbox, MailIntake intake) {
    this.mailbox = mailbox;
    this.intake = intake;
  }

  /** One look at the mailbox: every mail that is new since the last. */
  @Scheduled(fixedDelayString = "${itsupport.mail-intake.poll-interval}",
      initialDelayString = "${itsupport.mail-intake.poll-interval}")
  public synchronized int poll() throws MessagingException {
    Properties settings = new Properties();
    settings.put("mail." + mailbox.protocol() + ".connectiontimeout", "10000");
    settings.put("mail." + mailbox.protocol() + ".timeout", "30000");
    Store store = Session.getInstance(settings).getStore(mailbox.protocol());
    store.connect(mailbox.host(), mailbox.port(), mailbox.username(), mailbox.password());
    try {
      Folder folder = store.getFolder(mailbox.folder());
      folder.open(Folder.READ_WRITE);
      try {
        Message[] unseen = folder.search(new AndTerm(new FlagTerm(new Flags(Flags.Flag.SEEN), false),
            new FlagTerm(new Flags(FAILED), false)));
        for (Message mail : unseen) {
          handle((MimeMessage) mail);
        }
        return unseen.length;
      } finally {
        folder.close(false);
      }
    } finally {
      store.close();
    }
  }

  private void handle(MimeMessage mail) throws MessagingException {
    try {
      MailIntake.Outcome outcome = intake.handle(mail);
      LOG.info("Support mail '{}' from {}: {}{}{}", mail.getSubject(), AutomaticMail.sender(mail), outcome.outcome(),
          outcome.ticketNumber() == null ? "" : " " + outcome.ticketNumber(),
          outcome.reason() == null ? "" : " (" + outcome.reason() + ")");
      mail.setFlag(Flags.Flag.SEEN, true);
    } catch (Exception e) {
      LOG.error("Support mail '{}' could not be handled; it stays in the mailbox, flagged {}", mail.getSubject(),
          FAILED, e);
      mail.setFlags(new Flags(FAILED), true);
      mail.setFlag(Flags.Flag.SEEN, true);
      intake.failed(mail, e);
    }
  }
}
