package org.itsupport.sla;

import static org.itsupport.model.TicketVariables.*;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.Task;
import org.itsupport.model.TicketProcess;
import org.springframework.stereotype.Component;

/** The ticket's open tasks follow its SLA: agent tasks show the deadline that applies to them, all the priority. */
@Component
public class OpenTasks {

  /** Which SLA deadline is the due date of which open task. */
  private static final Map<String, String> DUE_DATES = Map.of(
      TicketProcess.DIAGNOSE_AT_FIRST_LINE, RESPONSE_DUE_AT,
      TicketProcess.REVIEW_AND_DIAGNOSE, RESOLUTION_DUE_AT,
      TicketProcess.APPROVE_CHANGE, RESOLUTION_DUE_AT,
      TicketProcess.EXECUTE_CHANGE, RESOLUTION_DUE_AT);

  /** Runs without the signed-in user's authorizations: who answers or corrects may not edit others' tasks. */
  void update(DelegateExecution ticket) {
    TaskService tasks = ticket.getProcessEngineServices().getTaskService();
    Number taskPriority = (Number) ticket.getVariable(TASK_PRIORITY);
    Object priority = ticket.getVariable(PRIORITY);
    Context.getCommandContext().runWithoutAuthorization(() -> {
      for (Task task : tasks.createTaskQuery().processInstanceId(ticket.getProcessInstanceId()).list()) {
        String deadline = DUE_DATES.get(task.getTaskDefinitionKey());
        if (deadline != null) {
          task.setDueDate((Date) ticket.getVariable(deadline));
        }
        task.setPriority(taskPriority.intValue());
        tasks.saveTask(task);
        tasks.setVariableLocal(task.getId(), CARD_PRIORITY, priority);
      }
      return null;
    });
  }
}
