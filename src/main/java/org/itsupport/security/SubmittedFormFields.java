package org.itsupport.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.itsupport.ticket.InputRules;
import org.itsupport.ticket.InvalidInputException;

/**
 * A task's completion sets the fields of the task's form, nothing else (not the ticket's priority, requester or any
 * other variable of its record), and text no longer than the form allows. The fields and their limits are read
 * from the form deployed with the process (Camunda Forms), so they are what Tasklist shows and checks before
 * submitting; a task without such a form takes no variables from a user.
 */
final class SubmittedFormFields {

  /** What a String variable holds; a text field whose form sets no limit gets this one. */
  static final int LONGEST_TEXT = 4000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private SubmittedFormFields() {
  }

  static void check(CommandContext context, String taskId, Map<String, Object> variables) {
    TaskAnswers.openTask(context, taskId);
    if (variables.isEmpty()) {
      return;
    }
    Map<String, Integer> fields = context.runWithoutAuthorization(() -> fields(context, taskId));
    List<InputRules.Problem> problems = new ArrayList<>();
    variables.keySet().stream().sorted().forEach(name -> {
      Integer limit = fields.get(name);
      TypedValue typed = variables instanceof VariableMap map ? map.getValueTyped(name)
          : Variables.untypedValue(variables.get(name));
      if (limit == null) {
        problems.add(new InputRules.Problem(name, "is not a field of this form"));
      } else if (!isPlain(typed)) {
        problems.add(new InputRules.Problem(name, "must be text, a number, true or false, or a date"));
      } else if (typed.getValue() instanceof String text) {
        if (text.length() > limit) {
          problems.add(new InputRules.Problem(name, "is " + text.length() + " characters long, at most " + limit
              + " are allowed"));
        }
        InputRules.unstorable(text).ifPresent(reason -> problems.add(new InputRules.Problem(name, reason)));
      }
    });
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  /**
   * What a form field holds: text, a number, true or false, a date. Never an object, JSON or a serialized Java
   * value, which a form cannot produce; the engine would refuse some of them only with a 500.
   */
  private static boolean isPlain(TypedValue typed) {
    if (typed == null) {
      return true;
    }
    if (typed.getType() != null && !typed.getType().isPrimitiveValueType()) {
      return false;
    }
    Object value = typed.getValue();
    return value == null || value instanceof String || value instanceof Number || value instanceof Boolean
        || value instanceof Date;
  }

  /** The form's fields by key, each with the longest text it takes. */
  private static Map<String, Integer> fields(CommandContext context, String taskId) {
    try (InputStream form = context.getProcessEngineConfiguration().getFormService().getDeployedTaskForm(taskId)) {
      Map<String, Integer> fields = new HashMap<>();
      collect(JSON.readTree(form), fields);
      return fields;
    } catch (ProcessEngineException noCamundaForm) {
      return Map.of();
    } catch (IOException e) {
      throw new IllegalStateException("The form of task " + taskId + " cannot be read", e);
    }
  }

  private static void collect(JsonNode component, Map<String, Integer> fields) {
    if (component.hasNonNull("key") && component.has("type")) {
      fields.put(component.get("key").asText(), component.path("validate").path("maxLength").asInt(LONGEST_TEXT));
    }
    component.path("components").forEach(child -> collect(child, fields));
  }
}
