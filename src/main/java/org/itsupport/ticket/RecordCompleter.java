package org.itsupport.ticket;

import org.itsupport.model.TicketProcess;
import static org.itsupport.model.TicketVariables.FIRST_LINE_AGENT;
import static org.itsupport.model.TicketVariables.PLANNED_BY;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.itsupport.shared.CompletingUser;
import org.springframework.stereotype.Component;

/**
 * Remembers who completed a diagnosis: the first-line agent, and the specialist who wrote the plan (who
 * therefore cannot approve it). A question they ask the requester is recorded under their name, and the task
 * comes back to them after the answer. Other tasks' completers are in history.
 */
@Component("recordCompleter")
public class RecordCompleter implements TaskListener {

  private static final Map<String, String> COMPLETED_BY = Map.of(
      TicketProcess.DIAGNOSE_AT_FIRST_LINE, FIRST_LINE_AGENT,
      TicketProcess.REVIEW_AND_DIAGNOSE, PLANNED_BY);

  @Override
  public void notify(DelegateTask task) {
    String variable = COMPLETED_BY.get(task.getTaskDefinitionKey());
    if (variable != null) {
      task.getExecution().setVariable(variable, CompletingUser.of(task));
    }
  }
}
