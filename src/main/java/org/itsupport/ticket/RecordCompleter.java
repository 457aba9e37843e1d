package org.itsupport.ticket;

import static org.itsupport.ticket.TicketVariables.PLANNED_BY;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Remembers who wrote the plan, so that person cannot approve it. */
@Component("recordPlanAuthor")
public class RecordPlanAuthor implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    task.getExecution().setVariable(PLANNED_BY, CompletingUser.of(task));
  }
}
