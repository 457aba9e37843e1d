package org.itsupport.security;

import jakarta.ws.rs.core.Response.Status;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.itsupport.ticket.InputRules;

/**
 * The task a signed-in user's command names, or the answer the REST APIs give when there is none: 404 with the
 * reason, where the engine's own "Cannot find task" would reach the caller as a 500.
 */
final class TaskAnswers {

  private TaskAnswers() {
  }

  static TaskEntity openTask(CommandContext context, String taskId) {
    TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
    if (task == null) {
      throw new InvalidRequestException(Status.NOT_FOUND, "There is no open task " + InputRules.quoted(taskId)
          + ": it was completed, or never existed");
    }
    return task;
  }

  static InvalidRequestException alreadyClaimed(TaskEntity task) {
    return new InvalidRequestException(Status.CONFLICT, "The task is already claimed by " + task.getAssignee()
        + "; a service manager can reassign it");
  }
}
