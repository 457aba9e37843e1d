package org.itsupport.notification;

import static org.itsupport.model.TicketVariables.*;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The wording of what the ticket tells people about its SLA and the requester's waits. */
@Component("ticketNotices")
public class TicketNotices {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm z");

  private final TicketNotifications notifications;
  /** Times are written in the business calendar's zone, where the service desk works. */
  private final ZoneId zone;

  public TicketNotices(TicketNotifications notifications, @Value("${itsupport.business-calendar.time-zone}") ZoneId zone) {
    this.notifications = notifications;
    this.zone = zone;
  }

  /** Received: the number, the priority and when to expect a response. */
  public void received(DelegateExecution ticket) {
    notifications.send(ticket, "requester", "Ticket " + ticket.getProcessBusinessKey() + " received",
        "We have received your ticket \"" + ticket.getVariable(TITLE) + "\" with priority " + ticket.getVariable(PRIORITY)
            + ". We will respond by " + format(ticket.getVariable(RESPONSE_DUE_AT)) + ".");
  }

  /** An SLA rung was reached: to whom the escalation decision names. */
  public void escalated(DelegateExecution ticket, String recipients, String slaType, String rung, int percent,
      String priority, String group) {
    notifications.send(ticket, recipients,
        "Ticket " + ticket.getProcessBusinessKey() + ": " + slaType + " SLA " + rung,
        "Ticket " + ticket.getProcessBusinessKey() + " \"" + ticket.getVariable(TITLE) + "\" (" + priority + ") has used "
            + percent + " % of its " + slaType + " time. " + group + " has a task to act on it.");
  }

  /** "Remind to verify": the fix waits for the requester's word; the service desk is told to chase it. */
  public JavaDelegate getRemindToVerify() {
    return ticket -> notifications.send(ticket, "requester,service-desk",
        "Ticket " + ticket.getProcessBusinessKey() + ": please confirm the fix",
        "We delivered a fix for \"" + ticket.getVariable(TITLE) + "\" and wait for the requester to confirm it in"
            + " Tasklist (task \"Verify resolution\"). Without an answer the ticket closes as \"no reply\".");
  }

  /** "Remind to rate": the survey is still open. */
  public JavaDelegate getRemindToRate() {
    return ticket -> notifications.send(ticket, "requester",
        "Ticket " + ticket.getProcessBusinessKey() + ": how did we do?",
        "Your ticket \"" + ticket.getVariable(TITLE) + "\" is solved. Please rate the service in Tasklist (task"
            + " \"Rate the service\"); it takes a minute, and you may skip it.");
  }

  private String format(Object date) {
    return date == null ? "-" : WHEN.format(((Date) date).toInstant().atZone(zone));
  }
}
