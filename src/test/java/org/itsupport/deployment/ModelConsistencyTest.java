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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.itsupport.ticket.InputRules;
import org.itsupport.ticket.TicketInputRules;
import org.itsupport.model.TicketProcess;
import org.itsupport.model.TicketVariables;
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
  void everyUserTaskHasAFormInputRulesAndADueDate_andNoCopyOfWhatEveryTaskGets() {
    for (UserTask task : userTasks()) {
      assertThat(task.getCamundaFormRef()).as("form of %s", task.getId()).isNotBlank();
      assertThat(resource("forms/" + task.getCamundaFormRef() + ".form")).as("form file of %s", task.getId()).isNotNull();
      assertThat(TicketInputRules.BY_TASK).as("input rules").containsKey(task.getId());
      // what every user task needs is registered once (EveryUserTask; DeploymentTest checks the deployed tasks have
      // it), not copied onto each task
      assertThat(listeners(task)).as("listeners of %s", task.getId())
          .noneMatch(listener -> listener.matches(".*(validateTaskInput|showTicketOnTask|forgetPreviousAnswers|recordCompleter).*"));
      // every due date is on the business calendar or an SLA deadline, never plain calendar days
      assertThat(task.getCamundaDueDate()).as("due date of %s", task.getId()).isNotBlank()
          .matches("\\$\\{(responseDueAt|resolutionDueAt|answerDeadlineAt|escalationDueAt|workingTime\\.after\\(.*\\))}");
      // setting a missing priority is urgent whatever the ticket: it holds up the SLA clocks
      String priority = TicketProcess.SET_PRIORITY.equals(task.getId()) ? "100" : "${taskPriority}";
      assertThat(task.getCamundaPriority()).as("priority of %s", task.getId()).isEqualTo(priority);
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

  /** Values people type; forms must show them as text, never as Markdown or HTML. */
  static final List<String> TYPED = List.of("requesterName", "requesterDepartment", "requesterContact", "title",
      "description", "affectedSystem", "alreadyTried", "issueStartedAt", "firstLineNotes", "resolution", "rootCause",
      "planSteps", "resourcesNeeded", "rejectionReason", "executionSteps", "newProblem", "verificationFeedback",
      "priorityCorrectionReason", "questionForRequester", "requesterAnswer", "surveyComment", "followUpNotes",
      "escalationAction", "reason", "action");

  /** How the forms' one escaping expression ends: trim, collapse line breaks, backslash every ASCII punctuation. */
  static final String ESCAPE_TAIL = ", \"^\\s+|\\s+$|\\s*([\\r\\n])\\s*\", \"$1\"), \"([!-/:-@\\[-`{-~])\", \"\\\\$1\")";
  static final String ESCAPE_HEAD = "replace(replace(string(";

  /** The expression without its escaped parts: what is left is shown as it is. */
  static String withoutEscapedParts(String expression) {
    StringBuilder left = new StringBuilder();
    int from = 0;
    int start;
    while ((start = expression.indexOf(ESCAPE_HEAD, from)) >= 0) {
      int end = start + "replace".length(); // at the call's opening parenthesis
      int depth = 0;
      do {
        char c = expression.charAt(end++);
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      } while (depth > 0 && end < expression.length());
      String call = expression.substring(start, end);
      left.append(expression, from, start);
      if (!call.endsWith(ESCAPE_TAIL)) {
        left.append(call); // not the escaping expression after all
      }
      from = end;
    }
    return left.append(expression.substring(from)).toString();
  }

  @Test
  void everyTypedValueIsShownAsText() throws IOException {
    Pattern output = Pattern.compile("\\{\\{(?![#/])(.*?)}}", Pattern.DOTALL);
    for (String formId : formIds()) {
      for (JsonNode component : JSON.readTree(resource("forms/" + formId + ".form")).path("components")) {
        Matcher segment = output.matcher(component.path("text").asText());
        while (segment.find()) {
          String expression = segment.group(1);
          for (String variable : TYPED) {
            String rest = withoutEscapedParts(expression).replaceAll("\\b" + variable + " != (null|\"\")", "");
            assertThat(rest).as("{{%s}} in %s shows %s unescaped", expression, formId, variable)
                .doesNotContainPattern("\\b" + variable + "\\b");
          }
        }
      }
    }
  }

  private static List<String> formIds() {
    List<String> ids = new ArrayList<>(userTasks().stream().map(UserTask::getCamundaFormRef).distinct().toList());
    ids.add("submit-ticket");
    return ids;
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
      if (field.path("disabled").asBoolean(false)) {
        // display-only: the ticket as submitted, its options labelled as on the submit form
        if (field.has("values")) {
          List<String> offered = new ArrayList<>();
          field.get("values").forEach(option -> offered.add(option.get("value").asText()));
          assertThat(offered).as("values of %s shown in form %s", key, formId)
              .containsExactlyElementsOf(allowedWhereEntered(key));
        }
        continue;
      }
      if (List.of("textfield", "textarea").contains(field.path("type").asText())) {
        // Tasklist shows the limit before submitting; the server holds the same one (a String variable: 4000)
        int formLimit = field.path("validate").path("maxLength").asInt(Integer.MAX_VALUE);
        assertThat(formLimit).as("maxLength of %s in form %s", key, formId)
            .isEqualTo(rules.maxLength(key).orElse(4000));
      }
      if (field.has("values") && field.get("values").get(0).get("value").isTextual()) {
        List<String> offered = new ArrayList<>();
        field.get("values").forEach(option -> offered.add(option.get("value").asText()));
        assertThat(offered).as("values of %s in form %s", key, formId)
            .containsExactlyElementsOf(rules.allowedValues(key));
      }
    }
  }

  /** The values the form that takes the field allows: the submit form's, or a task's. */
  private static List<String> allowedWhereEntered(String key) {
    return Stream.concat(Stream.of(TicketInputRules.INTAKE), TicketInputRules.BY_TASK.values().stream())
        .map(rules -> rules.allowedValues(key)).filter(values -> !values.isEmpty()).findFirst().orElse(List.of());
  }

  private static List<String> listeners(UserTask task) {
    if (task.getExtensionElements() == null) {
      return List.of();
    }
    return task.getExtensionElements().getElementsQuery().list().stream()
        .filter(element -> element instanceof CamundaExecutionListener || element instanceof CamundaTaskListener)
        .map(listener -> listener instanceof CamundaExecutionListener execution
            ? execution.getCamundaEvent() + " " + execution.getCamundaDelegateExpression()
            : ((CamundaTaskListener) listener).getCamundaEvent() + " "
                + ((CamundaTaskListener) listener).getCamundaDelegateExpression())
        .toList();
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
