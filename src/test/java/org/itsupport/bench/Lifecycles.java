package org.itsupport.bench;

import static org.itsupport.model.TicketProcess.*;
import static org.itsupport.model.TicketVariables.*;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.itsupport.notification.Notice;
import org.itsupport.notification.NoticeOutbox;
import org.itsupport.ticket.SampleIntake;
import org.itsupport.ticket.TicketForms;

/**
 * One ticket on the longest common path (intake, first line, escalation, plan, approval, execution,
 * verification, survey, close), and the same for the floor: a process with the same wait states (six user
 * tasks, four asynchronous continuations) and the same variables, without decisions, timers or listeners.
 * The floor's variables are those a closed ticket ends with: the forms' answers at the same steps, and what
 * the ticket's decisions and listeners computed (number, priority, SLA deadlines, records) from the start.
 * Both through the Java API, as Tasklist's requests end up. A ticket's lifecycle ends with the delivery of its
 * notices, as the job executor would run it (two statements of it only find this ticket's notice jobs).
 */
final class Lifecycles {

  static final String FLOOR = "bench-floor";
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final HistoryService history;
  private final NoticeOutbox notices;
  private Map<String, Object> floorStart;

  Lifecycles(ProcessEngine engine, NoticeOutbox notices) {
    this.notices = notices;
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.management = engine.getManagementService();
    this.history = engine.getHistoryService();
  }

  static BpmnModelInstance floorProcess() {
    return Bpmn.createExecutableProcess(FLOOR).camundaHistoryTimeToLive(731)
        .startEvent()
        .serviceTask("Floor_Register").camundaExpression("${true}").camundaAsyncAfter()
        .userTask("Floor_FirstLine")
        .serviceTask("Floor_Route").camundaExpression("${true}").camundaAsyncBefore()
        .userTask("Floor_Review")
        .serviceTask("Floor_Assess").camundaExpression("${true}").camundaAsyncBefore()
        .userTask("Floor_Approve")
        .userTask("Floor_Execute")
        .userTask("Floor_Verify")
        .userTask("Floor_Rate")
        .serviceTask("Floor_Close").camundaExpression("${true}").camundaAsyncBefore()
        .endEvent()
        .done();
  }

  void ticket() {
    run(KEY, SampleIntake.intake());
  }

  void floor() {
    run(FLOOR, floorStart());
  }

  private synchronized Map<String, Object> floorStart() {
    if (floorStart == null) {
      floorStart = floorStart(run(KEY, SampleIntake.intake()));
    }
    return floorStart;
  }

  /** The intake and every ticket-scoped variable the closed ticket has that no later form answered. */
  private Map<String, Object> floorStart(String closedTicketId) {
    Set<String> answered = new HashSet<>();
    for (Map<String, Object> form : List.of(firstLine(), plan(), approval(), execution(), verification(),
        rating())) {
      answered.addAll(form.keySet());
    }
    Map<String, Object> start = new HashMap<>(SampleIntake.intake());
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceId(closedTicketId).list()) {
      if (variable.getTaskId() == null && !answered.contains(variable.getName())) {
        start.putIfAbsent(variable.getName(), variable.getTypedValue());
      }
    }
    return start;
  }

  /** The ticket's path; the floor process has the same waits in the same order. */
  private String run(String processKey, Map<String, Object> startVariables) {
    String id = runtime.startProcessInstanceByKey(processKey, startVariables).getId();
    runJob(id);
    claimAndComplete(id, "dora", firstLine());
    runJob(id);
    claimAndComplete(id, "hank", plan());
    runJob(id);
    claimAndComplete(id, "carl", approval());
    claimAndComplete(id, "hank", execution());
    complete(id, verification());
    complete(id, rating());
    runJob(id);
    if (runtime.createProcessInstanceQuery().processInstanceId(id).count() != 0) {
      throw new IllegalStateException(processKey + " " + id + " did not end");
    }
    if (KEY.equals(processKey)) {
      deliverNotices(history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult()
          .getBusinessKey());
    }
    return id;
  }

  private void deliverNotices(String ticketNumber) {
    Set<String> ids = new HashSet<>(notices.ofTicket(ticketNumber).stream().map(Notice::id).toList());
    for (Job job : management.createJobQuery().processDefinitionKey(KEY).messages().list()) {
      if (job.getProcessInstanceId() == null && ids.contains(((JobEntity) job).getJobHandlerConfigurationRaw())) {
        management.executeJob(job.getId());
      }
    }
  }

  private void runJob(String processInstanceId) {
    // the ticket's SLA watch timer waits too; the step's job is the one due now
    Job job = management.createJobQuery().processInstanceId(processInstanceId).messages().singleResult();
    management.executeJob(job.getId());
  }

  private Task task(String processInstanceId) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
  }

  private void claimAndComplete(String processInstanceId, String user, Map<String, Object> form) {
    Task task = task(processInstanceId);
    tasks.claim(task.getId(), user);
    tasks.complete(task.getId(), form);
  }

  private void complete(String processInstanceId, Map<String, Object> form) {
    tasks.complete(task(processInstanceId).getId(), form);
  }

  private static Map<String, Object> firstLine() {
    return TicketForms.escalation();
  }

  private static Map<String, Object> plan() {
    return TicketForms.plan("P3", "system-reinstall", true);
  }

  private static Map<String, Object> approval() {
    return TicketForms.approval("approve", null);
  }

  private static Map<String, Object> execution() {
    return TicketForms.fix();
  }

  private static Map<String, Object> verification() {
    return TicketForms.confirmation();
  }

  private static Map<String, Object> rating() {
    return TicketForms.rating(5, 5, 5, 5);
  }
}
