package org.itsupport.notification;

import static org.itsupport.model.TicketVariables.IMPACT;
import static org.itsupport.model.TicketVariables.URGENCY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itsupport.identity.Roles;
import org.itsupport.notification.TicketNotifications;
import org.springframework.stereotype.Component;

/** The priority table has no rule for this ticket: the process owners must mend it; the desk decides meanwhile. */
@Component("reportMissingPriorityRule")
public class ReportMissingPriorityRule implements JavaDelegate {

  private final TicketNotifications notifications;

  public ReportMissingPriorityRule(TicketNotifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.send(execution, Roles.PROCESS_OWNERS,
        "The priority table has no rule for ticket " + execution.getProcessBusinessKey(),
        "Decision 'ticket-priority' matched no rule for impact '" + execution.getVariable(IMPACT) + "' and urgency '"
            + execution.getVariable(URGENCY) + "'. The service desk sets this ticket's priority by hand; please add the "
            + "missing rule.");
  }
}
