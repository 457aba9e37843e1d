package org.itsupport.security;

import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.itsupport.identity.Roles;

/**
 * Who works a task: a user claims it for themselves; someone else's task is not taken out of their hands; a task
 * is assigned only to someone who may work it (a candidate, or a member of its candidate groups). Camunda's
 * TASK_WORK and TASK_ASSIGN say only whether a user may claim or assign at all, not for whom.
 */
final class TaskWorkRules {

  private TaskWorkRules() {
  }

  static void claim(CommandContext context, Authentication user, String taskId, String userId) {
    TaskEntity task = TaskAnswers.openTask(context, taskId);
    if (userId == null) {
      giveBack(user, task);
    } else if (!userId.equals(user.getUserId())) {
      throw new AuthorizationException("You may claim a task only for yourself, not for " + userId
          + "; service managers assign tasks to others");
    } else if (task.getAssignee() != null && !userId.equals(task.getAssignee())) {
      throw TaskAnswers.alreadyClaimed(task);
    }
  }

  static void assign(CommandContext context, Authentication user, String taskId, String userId) {
    TaskEntity task = TaskAnswers.openTask(context, taskId);
    if (userId == null) {
      giveBack(user, task);
      return;
    }
    List<IdentityLink> candidates = task.getIdentityLinks().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).map(IdentityLink.class::cast).toList();
    if (candidates.stream().anyMatch(link -> userId.equals(link.getUserId()))) {
      return;
    }
    List<String> groups = candidates.stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).toList();
    List<String> memberOf = context.runWithoutAuthorization(() -> context.getReadOnlyIdentityProvider()
        .createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList());
    if (groups.stream().noneMatch(memberOf::contains)) {
      throw new AuthorizationException(userId + " is not a member of the task's group"
          + (groups.isEmpty() ? "" : " (" + String.join(", ", groups) + ")")
          + ": a task is assigned only to someone who may work it");
    }
  }

  /** Only whoever holds a task gives it back (service managers, who reassign, have TASK_ASSIGN besides). */
  private static void giveBack(Authentication user, TaskEntity task) {
    if (task.getAssignee() != null && !user.getUserId().equals(task.getAssignee())
        && !Roles.isMember(user, Roles.SERVICE_MANAGERS)) {
      throw new AuthorizationException("You may not take this task from " + task.getAssignee()
          + "; service managers reassign it");
    }
  }
}
