package org.itsupport.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * When a user task completes, checks what was submitted against its rules in {@link TicketInputRules}. An
 * execution listener (not a task listener, whose errors the engine wraps), so a refusal reaches Tasklist and
 * REST callers as a form validation error; the task stays open with what was entered.
 */
@Component("validateTaskInput")
public class ValidateTaskInput implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // a timer, a terminate end event or a reopen ended the task: nothing was submitted
    }
    InputRules rules = TicketInputRules.BY_TASK.get(execution.getCurrentActivityId());
    if (rules == null) {
      throw new IllegalStateException("No input rules for user task " + execution.getCurrentActivityId());
    }
    rules.check(execution::getVariable);
  }
}
