package org.itsupport.notification;

import static org.itsupport.model.TicketVariables.REQUESTER_ID;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.task.Task;
import org.itsupport.identity.Roles;
import org.itsupport.shared.WithoutCallersAuthorizations;
import org.itsupport.model.TicketProcess;
import org.itsupport.ticket.InputRules;
import org.itsupport.ticket.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * A ticket's conversation as the people on one of its tasks see it (Tasklist's "Conversation" tab): the notices
 * the requester got and the mails they sent. The task's assignee, when an agent, can write to the requester from
 * it. Whoever cannot see the task learns nothing.
 */
@Component
public class TaskConversation {

  static final String MESSAGE = "message";
  private static final InputRules MESSAGE_RULES = InputRules.builder().text(MESSAGE).required(MESSAGE)
      .maxLength(MESSAGE, 4000).build();

  /** The conversation, and whether the caller may write to the requester from this task. */
  public record View(String ticketNumber, boolean mayWrite, List<Notice> messages) {
  }

  private final ProcessEngine engine;
  private final NoticeOutbox outbox;
  private final Notices notices;

  TaskConversation(ProcessEngine engine, NoticeOutbox outbox, Notices notices) {
    this.engine = engine;
    this.outbox = outbox;
    this.notices = notices;
  }

  /** Empty when the signed-in user cannot see the task. */
  public Optional<View> of(String taskId) {
    return visibleTask(taskId).map(task -> {
      if (!isTicketTask(task)) {
        return new View(null, false, List.of()); // the service review's task, for example
      }
      String number = ticketNumber(task);
      return new View(number, mayWrite(task), outbox.conversation(number).stream()
          .filter(Notice::seenByRequester)
          .toList());
    });
  }

  /** Sends the requester the text, as a notice of the ticket; false when the task is not the caller's to work. */
  public boolean write(String taskId, String text) {
    Optional<Task> task = visibleTask(taskId).filter(this::isTicketTask).filter(this::mayWrite);
    if (task.isEmpty()) {
      return false;
    }
    MESSAGE_RULES.check(field -> MESSAGE.equals(field) ? text : null);
    String author = author();
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(command -> {
          ExecutionEntity execution = command.getExecutionManager().findExecutionById(task.get().getExecutionId());
          notices.message(execution, author, text.strip());
          return null;
        });
    return true;
  }

  private Optional<Task> visibleTask(String taskId) {
    return Optional.ofNullable(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult());
  }

  /** A task of a ticket or of its question to the requester: only these have a conversation. */
  private boolean isTicketTask(Task task) {
    String key = WithoutCallersAuthorizations.read(engine.getIdentityService(), () -> engine.getRepositoryService()
        .getProcessDefinition(task.getProcessDefinitionId()).getKey());
    return TicketProcess.KEY.equals(key) || TicketProcess.QUESTION_KEY.equals(key);
  }

  /** Agents write from the tasks they work (assigned to them), never to themselves as the requester. */
  private boolean mayWrite(Task task) {
    Authentication caller = engine.getIdentityService().getCurrentAuthentication();
    if (caller == null || !caller.getUserId().equals(task.getAssignee())
        || Roles.AGENTS.stream().noneMatch(group -> Roles.isMember(caller, group))) {
      return false;
    }
    Object requester = WithoutCallersAuthorizations.read(engine.getIdentityService(),
        () -> engine.getRuntimeService().getVariable(task.getExecutionId(), REQUESTER_ID));
    return !caller.getUserId().equals(requester);
  }

  private String ticketNumber(Task task) {
    return WithoutCallersAuthorizations.read(engine.getIdentityService(), () -> engine.getRuntimeService()
        .createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey());
  }

  private String author() {
    String userId = engine.getIdentityService().getCurrentAuthentication().getUserId();
    User user = WithoutCallersAuthorizations.read(engine.getIdentityService(),
        () -> engine.getIdentityService().createUserQuery().userId(userId).singleResult());
    return user == null ? userId : (user.getFirstName() + " " + user.getLastName()).strip();
  }
}
