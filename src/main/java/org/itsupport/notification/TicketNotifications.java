package org.itsupport.notification;

import static org.itsupport.model.TicketVariables.NOTIFICATIONS;
import static org.itsupport.model.TicketVariables.REQUESTER_ID;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.itsupport.shared.EngineClock;
import org.itsupport.shared.JsonVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Tells people about a ticket: "requester" or Camunda group ids, resolved to the users' e-mail addresses.
 * Mail goes out when a mail server is configured (spring.mail.host); either way the notice is recorded on
 * the ticket, with what became of it, so nothing is silently dropped.
 */
@Component
public class TicketNotifications {

  static final String REQUESTER = "requester";
  private static final Logger LOG = LoggerFactory.getLogger(TicketNotifications.class);

  private final IdentityService identity;
  private final ObjectProvider<JavaMailSender> mail;
  private final String from;

  public TicketNotifications(IdentityService identity, ObjectProvider<JavaMailSender> mail,
      @Value("${itsupport.notifications.from}") String from) {
    this.identity = identity;
    this.mail = mail;
    this.from = from;
  }

  /** Sends to a comma-separated list of recipients; does nothing for an empty list. */
  public void send(DelegateExecution execution, String recipients, String subject, String text) {
    if (recipients == null || recipients.isBlank()) {
      return;
    }
    // a called process (the requester question) records on the ticket that called it
    DelegateExecution caller = execution.getProcessInstance().getSuperExecution();
    DelegateExecution ticket = caller != null ? caller : execution;
    List<String> addresses = addresses(recipients, (String) execution.getVariable(REQUESTER_ID));
    String delivery = deliver(addresses, subject, text);
    LOG.info("Ticket {}: '{}' to {} ({}): {}", execution.getProcessBusinessKey(), subject, recipients, addresses,
        delivery);

    List<Notification> sent = new ArrayList<>(JsonVariables.readList(ticket, NOTIFICATIONS, Notification.class));
    sent.add(new Notification(EngineClock.now(), recipients, addresses, subject, delivery));
    ticket.setVariable(NOTIFICATIONS, JsonVariables.list(sent));
  }

  private List<String> addresses(String recipients, String requesterId) {
    Set<String> addresses = new LinkedHashSet<>();
    for (String recipient : Arrays.stream(recipients.split(",")).map(String::trim).filter(r -> !r.isEmpty()).toList()) {
      List<User> users = REQUESTER.equals(recipient)
          ? identity.createUserQuery().userId(requesterId).list()
          : identity.createUserQuery().memberOfGroup(recipient).list();
      users.stream().map(User::getEmail).filter(email -> email != null && !email.isBlank()).forEach(addresses::add);
    }
    return List.copyOf(addresses);
  }

  private String deliver(List<String> addresses, String subject, String text) {
    JavaMailSender sender = mail.getIfAvailable();
    if (addresses.isEmpty()) {
      return "not sent: nobody with an e-mail address";
    }
    if (sender == null) {
      return "not sent: no mail server configured";
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(addresses.toArray(String[]::new));
    message.setSubject(subject);
    message.setText(text);
    try {
      sender.send(message);
      return "sent";
    } catch (MailException e) {
      LOG.warn("Could not send '{}' to {}", subject, addresses, e);
      return "failed: " + e.getMessage();
    }
  }
}
