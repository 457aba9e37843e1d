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
 * submitting; display-only fields (the ticket shown on the task) do not count; a task without such a form takes no
 * variables from a user.
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
    Map<String, Field> fields = context.runWithoutAuthorization(() -> fields(context, taskId));
    List<InputRules.Problem> problems = new ArrayList<>();
    variables.keySet().stream().sorted().forEach(name -> {
      Field field = fields.get(name);
      TypedValue typed = variables instanceof VariableMap map ? map.getValueTyped(name)
          : Variables.untypedValue(variables.get(name));
      if (field == null) {
        problems.add(new InputRules.Problem(name, "is not a field of this form"));
        return;
      }
      if (!isPlain(typed)) {
        problems.add(new InputRules.Problem(name, "must be text, a number, true or false, or a date"));
        return;
      }
      Object value = typed == null ? null : typed.getValue(); // plain: nothing to parse
      if (field.isText() && value != null && !(value instanceof String)) {
        problems.add(new InputRules.Problem(name, "must be text"));
      } else if (field.isCheckbox() && value != null && !(value instanceof Boolean)) {
        problems.add(new InputRules.Problem(name, "must be true or false"));
      } else if (value instanceof String text) {
        if (text.length() > field.maxLength()) {
          problems.add(new InputRules.Problem(name, "is " + text.length() + " characters long, at most "
              + field.maxLength() + " are allowed"));
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

  /** A field of the form: its component type, and the longest text it takes. */
  private record Field(String type, int maxLength) {

    boolean isText() {
      return "textfield".equals(type) || "textarea".equals(type);
    }

    boolean isCheckbox() {
      return "checkbox".equals(type);
    }
  }

  /** The form's fields by key. */
  private static Map<String, Field> fields(CommandContext context, String taskId) {
    try (InputStream form = context.getProcessEngineConfiguration().getFormService().getDeployedTaskForm(taskId)) {
      Map<String, Field> fields = new HashMap<>();
      collect(JSON.readTree(form), fields);
      return fields;
    } catch (ProcessEngineException noCamundaForm) {
      return Map.of();
    } catch (IOException e) {
      throw new IllegalStateException("The form of task " + taskId + " cannot be read", e);
    }
  }

  /** Display-only (disabled) fields show the ticket; Tasklist never submits them, and nobody else may either. */
  private static void collect(JsonNode component, Map<String, Field> fields) {
    if (component.hasNonNull("key") && component.has("type") && !component.path("disabled").asBoolean(false)) {
      fields.put(component.get("key").asText(), new Field(component.get("type").asText(),
          component.path("validate").path("maxLength").asInt(LONGEST_TEXT)));
    }
    component.path("components").forEach(child -> collect(child, fields));
  }
}
