package org.itsupport.ticket;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On complete, checks the submitted form against its rules in {@link TicketInputRules}. */
@Component("validateTaskInput")
public class ValidateTaskInput implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    InputRules rules = TicketInputRules.BY_TASK.get(task.getTaskDefinitionKey());
    if (rules == null) {
      throw new IllegalStateException("No input rules for user task " + task.getTaskDefinitionKey());
    }
    rules.check(task::getVariable);
  }
}
