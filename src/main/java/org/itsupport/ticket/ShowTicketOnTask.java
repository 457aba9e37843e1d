package org.itsupport.ticket;

import static org.itsupport.model.TicketVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Copies the ticket's number, priority and title onto each new task as task variables. Tasklist shows them
 * on the task cards, and anyone who may see the task may read them, without being allowed to read the
 * whole ticket.
 */
@Component("showTicketOnTask")
public class ShowTicketOnTask implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    task.setVariableLocal(CARD_TICKET_NUMBER, task.getVariable(TICKET_NUMBER));
    task.setVariableLocal(CARD_PRIORITY, task.getVariable(PRIORITY));
    task.setVariableLocal(CARD_TITLE, task.getVariable(TITLE));
  }
}
