package org.itsupport.identity;

import java.util.HashMap;
import java.util.Map;
import org.itsupport.ticket.SampleIntake;
import org.itsupport.model.TicketProcess;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** Calls to Camunda's REST API as a demo user (HTTP Basic, password demo), and the tickets they are made on. */
public record EngineRest(TestRestTemplate rest, ProcessEngine engine) {

  public ResponseEntity<String> call(String user, HttpMethod method, String path, Object body) {
    return rest.withBasicAuth(user, "demo").exchange("/engine-rest" + path, method,
        body == null ? null : new HttpEntity<>(body), String.class);
  }

  /** Values as the REST API takes variables: {"name": {"value": …}}. */
  public static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return variables;
  }

  /** alice's sample ticket, waiting at first line. */
  public ProcessInstance ticketAtFirstLine() {
    ProcessInstance ticket = engine.getRuntimeService().startProcessInstanceByKey(TicketProcess.KEY,
        SampleIntake.intake());
    runJob(ticket, "Task_StartSlaClocks");
    return ticket;
  }

  public Task firstLineTask(ProcessInstance ticket) {
    return engine.getTaskService().createTaskQuery().processInstanceId(ticket.getId())
        .taskDefinitionKey(TicketProcess.DIAGNOSE_AT_FIRST_LINE).singleResult();
  }

  public void runJob(ProcessInstance ticket, String activityId) {
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(ticket.getId()).activityId(activityId).singleResult().getId());
  }
}
