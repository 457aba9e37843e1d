package org.itsupport.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.itsupport.ticket.InputRules;
import org.itsupport.ticket.TicketInputRules;
import org.itsupport.ticket.TicketVariables;
import org.junit.jupiter.api.Test;

/** The process, its forms and the input rules agree on forms, field keys and value lists. */
class ModelConsistencyTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final BpmnModelInstance TICKET = Bpmn.readModelFromStream(resource("processes/it-support-ticket.bpmn"));
  static final BpmnModelInstance QUESTION = Bpmn.readModelFromStream(resource("processes/requester-question.bpmn"));

  static List<UserTask> userTasks() {
    return Stream.of(TICKET, QUESTION).flatMap(model -> model.getModelElementsByType(UserTask.class).stream()).toList();
  }

  @Test
  void everyUserTaskHasAFormInputRulesAndAValidation() {
    for (UserTask task : userTasks()) {
      assertThat(task.getCamundaFormRef()).as("form of %s", task.getId()).isNotBlank();
      assertThat(resource("forms/" + task.getCamundaFormRef() + ".form")).as("form file of %s", task.getId()).isNotNull();
      assertThat(TicketInputRules.BY_TASK).as("input rules").containsKey(task.getId());
      assertThat(listeners(task)).as("listeners of %s", task.getId()).contains("complete ${validateTaskInput}");
      assertThat(task.getCamundaDueDate()).as("due date of %s", task.getId()).isNotBlank();
      assertThat(task.getCamundaPriority()).as("priority of %s", task.getId()).isEqualTo("${taskPriority}");
    }
    StartEvent start = TICKET.getModelElementById("StartEvent_TicketSubmitted");
    assertThat(start.getCamundaFormRef()).isEqualTo("submit-ticket");
  }

  @Test
  void formFieldKeysAreTicketVariablesAndValueListsMatchTheInputRules() throws IOException {
    Set<String> variables = Arrays.stream(TicketVariables.class.getFields())
        .filter(field -> Modifier.isStatic(field.getModifiers())).map(ModelConsistencyTest::value)
        .collect(Collectors.toSet());
    for (UserTask task : userTasks()) {
      checkForm(task.getCamundaFormRef(), TicketInputRules.BY_TASK.get(task.getId()), variables);
    }
    checkForm("submit-ticket", TicketInputRules.INTAKE, variables);
  }

  private static void checkForm(String formId, InputRules rules, Set<String> variables) throws IOException {
    JsonNode form = JSON.readTree(resource("forms/" + formId + ".form"));
    assertThat(form.path("id").asText()).isEqualTo(formId);
    // Tasklist 7.24 renders forms with form-js 1.8, which reads schema versions up to 16
    assertThat(form.path("schemaVersion").asInt()).isLessThanOrEqualTo(16);
    for (JsonNode field : form.path("components")) {
      if (!field.has("key")) {
        continue;
      }
      String key = field.get("key").asText();
      assertThat(variables).as("field %s of form %s", key, formId).contains(key);
      if (field.has("values") && field.get("values").get(0).get("value").isTextual()) {
        List<String> offered = new ArrayList<>();
        field.get("values").forEach(option -> offered.add(option.get("value").asText()));
        assertThat(offered).as("values of %s in form %s", key, formId)
            .containsExactlyElementsOf(rules.allowedValues(key));
      }
    }
  }

  private static List<String> listeners(UserTask task) {
    return task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
        .map(listener -> listener.getCamundaEvent() + " " + listener.getCamundaDelegateExpression()).toList();
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InputStream resource(String name) {
    return ModelConsistencyTest.class.getClassLoader().getResourceAsStream(name);
  }
}
