package org.itsupport.requester;

import static org.itsupport.model.TicketVariables.*;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.itsupport.model.TicketProcess;
import org.itsupport.notification.Notice;
import org.itsupport.notification.NoticeOutbox;
import org.itsupport.shared.WithoutCallersAuthorizations;

/**
 * The requester's own tickets, newest first: read as the process (a requester may not read history), but only
 * the tickets whose requester they are, and only what the requester is told anyway.
 */
final class MyTickets {

  static final int MOST = 50;

  /** Where a ticket stands while a step of this kind is open: status, and what it waits for. */
  private record Stage(String status, String waitingFor) {
  }

  private static final Map<String, Stage> STAGES = Map.of(
      TicketProcess.SET_PRIORITY, new Stage("With the service desk", "the service desk"),
      TicketProcess.DIAGNOSE_AT_FIRST_LINE, new Stage("With the service desk", "the service desk"),
      TicketProcess.ANSWER_QUESTION, new Stage("Waiting for your answer", "you: please answer our question"),
      TicketProcess.REVIEW_AND_DIAGNOSE, new Stage("With our specialists", "our specialists"),
      TicketProcess.APPROVE_CHANGE, new Stage("Fix planned", "approval of the planned change"),
      TicketProcess.EXECUTE_CHANGE, new Stage("Fix being carried out", "our specialists"),
      TicketProcess.VERIFY_RESOLUTION, new Stage("Fix delivered", "you: please confirm the fix works"),
      TicketProcess.RATE_SERVICE, new Stage("Solved", "you: please rate our service (you may skip it)"),
      TicketProcess.FOLLOW_UP_LOW_RATING, new Stage("Solved", "our service manager, who follows up your rating"));

  private static final Stage RECEIVED = new Stage("Received", "the service desk");
  private static final Stage IN_PROGRESS = new Stage("In progress", "us");

  private final ProcessEngine engine;
  private final NoticeOutbox outbox;

  MyTickets(ProcessEngine engine, NoticeOutbox outbox) {
    this.engine = engine;
    this.outbox = outbox;
  }

  List<MyTicket> of(String userId) {
    return WithoutCallersAuthorizations.read(engine.getIdentityService(), () -> engine.getHistoryService()
        .createHistoricProcessInstanceQuery().processDefinitionKey(TicketProcess.KEY)
        .variableValueEquals(REQUESTER_ID, userId).orderByProcessInstanceStartTime().desc().listPage(0, MOST)
        .stream().map(instance -> ticket(instance, userId)).toList());
  }

  private MyTicket ticket(HistoricProcessInstance instance, String userId) {
    Map<String, Object> values = variables(instance.getId());
    boolean open = instance.getEndTime() == null;
    List<Task> steps = open ? engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(instance.getBusinessKey()).orderByTaskCreateTime().desc().list() : List.of();
    Optional<Task> yours = steps.stream().filter(step -> userId.equals(step.getAssignee())).findFirst();
    Optional<Task> current = yours.or(() -> steps.stream().findFirst());
    Stage stage = !open ? closed(values)
        : current.map(step -> STAGES.getOrDefault(step.getTaskDefinitionKey(), IN_PROGRESS))
            // between steps: just opened, or moving on to the next one
            .orElse(values.get(FIRST_RESPONSE_AT) == null ? RECEIVED : IN_PROGRESS);
    // what the requester was told, and what they (or anyone) mailed about the ticket
    List<MyTicket.Message> conversation = outbox.conversation(instance.getBusinessKey()).stream()
        .filter(Notice::seenByRequester)
        .map(notice -> new MyTicket.Message(notice.createdAt(), notice.recipients() == null, notice.subject(),
            notice.body())).toList();
    return new MyTicket(instance.getBusinessKey(), (String) values.get(TITLE), (String) values.get(PRIORITY), open,
        stage.status(), stage.waitingFor(), yours.map(Task::getId).orElse(null), instant(values.get(SUBMITTED_AT)),
        instant(values.get(RESPONSE_DUE_AT)), instant(values.get(RESOLUTION_DUE_AT)), instant(values.get(CLOSED_AT)),
        conversation);
  }

  private static Stage closed(Map<String, Object> values) {
    if (values.get(CLOSED_AT) == null) {
      return new Stage("Cancelled", null);
    }
    return new Stage("no-reply".equals(values.get(CLOSURE_REASON)) ? "Closed without your confirmation" : "Closed",
        null);
  }

  private Map<String, Object> variables(String processInstanceId) {
    Map<String, Object> values = new HashMap<>();
    for (HistoricVariableInstance variable : engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceIdIn(processInstanceId).variableNameIn(TITLE, PRIORITY, SUBMITTED_AT, RESPONSE_DUE_AT,
            RESOLUTION_DUE_AT, CLOSED_AT, CLOSURE_REASON, FIRST_RESPONSE_AT).list()) {
      if (variable.getValue() != null) {
        values.putIfAbsent(variable.getName(), variable.getValue());
      }
    }
    return values;
  }

  private static Instant instant(Object date) {
    return date instanceof Date value ? value.toInstant() : null;
  }
}
