package org.itsupport.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itsupport.model.TicketVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.itsupport.ApplicationTest;
import org.itsupport.ticket.SampleIntake;
import org.itsupport.model.TicketProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Completing a task with missing or invalid values through REST (as Tasklist does) is refused, field by field. */
@ApplicationTest
class RestInputTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;

  @Test
  void aFormWithMissingAndInvalidValuesIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance ticket = runtime.startProcessInstanceByKey(TicketProcess.KEY, SampleIntake.intake());
    management.executeJob(management.createJobQuery().processInstanceId(ticket.getId())
        .activityId("Task_StartSlaClocks").singleResult().getId());
    Task firstLine = tasks.createTaskQuery().processInstanceId(ticket.getId()).singleResult();
    tasks.claim(firstLine.getId(), "dora");

    Map<String, Object> form = Map.of("variables", Map.of(
        FIRST_LINE_OUTCOME, Map.of("value", "solved"),
        FIRST_LINE_NOTES, Map.of("value", "  ")));
    for (String endpoint : new String[] {"/submit-form", "/complete"}) {
      ResponseEntity<String> refused = rest.withBasicAuth("dora", "demo").exchange(
          "/engine-rest/task/" + firstLine.getId() + endpoint, HttpMethod.POST, new HttpEntity<>(form), String.class);

      assertThat(refused.getStatusCode()).as(endpoint).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).contains("firstLineNotes: is required")
          .contains("resolution: is required when firstLineOutcome is 'solved'");
    }
    Task stillOpen = tasks.createTaskQuery().taskId(firstLine.getId()).singleResult();
    assertThat(stillOpen.getAssignee()).isEqualTo("dora");
    assertThat(runtime.getVariable(ticket.getId(), FIRST_LINE_OUTCOME)).isNull();
  }
}
