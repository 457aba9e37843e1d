package org.itsupport.notification;

import static org.itsupport.model.TicketVariables.ANSWER_DEADLINE_AT;
import static org.itsupport.model.TicketVariables.QUESTION_FOR_REQUESTER;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itsupport.notification.TicketNotifications;
import org.springframework.stereotype.Component;

/** The requester has not answered yet: remind them once, before the wait ends. */
@Component("remindRequester")
public class RemindRequester implements JavaDelegate {

  private final TicketNotifications notifications;

  public RemindRequester(TicketNotifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.send(execution, "requester",
        "Reminder: ticket " + execution.getProcessBusinessKey() + " is waiting for your answer",
        "We asked: " + execution.getVariable(QUESTION_FOR_REQUESTER) + "\nPlease answer in Tasklist by "
            + ((Date) execution.getVariable(ANSWER_DEADLINE_AT)).toInstant()
            + "; after that the ticket goes back to the agent without your answer.");
  }
}
