package org.itsupport.mailintake;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.itsupport.notification.NoticeHeaders;

/**
 * Mail no person wrote, which must never open a ticket: our own notices (mail loops), auto-replies such as
 * out-of-office, and bounces. Recognised by the headers RFC 3834 and RFC 3464 define and the ones common mail
 * servers add, by the sender, and as a last resort by the subject.
 */
final class AutomaticMail {

  private static final List<String> AUTO_REPLY_HEADERS = List.of("X-Autoreply", "X-Autorespond", "X-Autoresponder");
  private static final Pattern BULK = Pattern.compile("bulk|junk|list|auto_reply", Pattern.CASE_INSENSITIVE);
  private static final Pattern SYSTEM_SENDER = Pattern.compile("^(mailer-daemon|postmaster|no-?reply)@.*",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern AUTO_SUBJECT = Pattern.compile("^(out of office|automatic reply|auto:|autoreply|"
      + "undeliverable|undelivered mail|delivery status notification|mail delivery failed)",
      Pattern.CASE_INSENSITIVE);

  private AutomaticMail() {
  }

  /** Why the mail is automatic, or empty when a person wrote it. */
  static Optional<String> reason(MimeMessage mail, String ourAddress) throws MessagingException {
    if (mail.getHeader(NoticeHeaders.TICKET) != null) {
      return Optional.of("one of our own notices");
    }
    String autoSubmitted = first(mail, "Auto-Submitted");
    if (autoSubmitted != null && !autoSubmitted.trim().equalsIgnoreCase("no")) {
      return Optional.of("Auto-Submitted: " + autoSubmitted.trim());
    }
    for (String header : AUTO_REPLY_HEADERS) {
      if (mail.getHeader(header) != null) {
        return Optional.of(header + " header");
      }
    }
    String precedence = first(mail, "Precedence");
    if (precedence != null && BULK.matcher(precedence.trim()).matches()) {
      return Optional.of("Precedence: " + precedence.trim());
    }
    if (mail.isMimeType("multipart/report")) {
      return Optional.of("a delivery report (bounce)");
    }
    String returnPath = first(mail, "Return-Path");
    if (returnPath != null && returnPath.trim().equals("<>")) {
      return Optional.of("empty Return-Path (bounce)");
    }
    String sender = sender(mail);
    if (sender == null) {
      return Optional.of("no sender");
    }
    if (sender.equalsIgnoreCase(ourAddress)) {
      return Optional.of("sent from our own address");
    }
    if (SYSTEM_SENDER.matcher(sender).matches()) {
      return Optional.of("sent by " + sender);
    }
    String subject = mail.getSubject();
    if (subject != null && AUTO_SUBJECT.matcher(subject.trim()).find()) {
      return Optional.of("subject '" + subject.trim().toLowerCase(Locale.ROOT) + "'");
    }
    return Optional.empty();
  }

  /** The sender's address, lower case. */
  static String sender(MimeMessage mail) throws MessagingException {
    Address[] from = mail.getFrom();
    if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)
        || address.getAddress() == null) {
      return null;
    }
    return address.getAddress().trim().toLowerCase(Locale.ROOT);
  }

  private static String first(MimeMessage mail, String header) throws MessagingException {
    String[] values = mail.getHeader(header);
    return values == null || values.length == 0 ? null : values[0];
  }
}
