package org.itsupport.ticket;

import static org.itsupport.model.TicketVariables.APPROVAL_DECISION;
import static org.itsupport.model.TicketVariables.PLANNED_BY;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.itsupport.shared.CompletingUser;
import org.springframework.stereotype.Component;

/**
 * Four-eyes rule on "Approve change": whoever wrote the plan can neither claim nor complete its approval.
 * Listens to assignment and complete.
 */
@Component("fourEyesCheck")
public class FourEyesCheck implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    boolean claiming = EVENTNAME_ASSIGNMENT.equals(task.getEventName());
    String user = claiming ? task.getAssignee() : CompletingUser.of(task);
    if (user == null || !user.equals(task.getVariable(PLANNED_BY))) {
      return;
    }
    String reason = user + " wrote this plan and so cannot approve it; another approver must decide";
    // claiming is a matter of rights (403); a submitted decision is refused as the form's (400)
    if (claiming) {
      throw new AuthorizationException(reason);
    }
    throw InvalidInputException.of(APPROVAL_DECISION, reason);
  }
}
