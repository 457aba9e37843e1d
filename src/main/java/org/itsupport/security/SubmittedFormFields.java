package org.itsupport.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
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
    if (variables.isEmpty() || context.getTaskManager().findTaskById(taskId) == null) {
      return; // nothing to set, or the engine answers that there is no such task
    }
    Map<String, Integer> fields = context.runWithoutAuthorization(() -> fields(context, taskId));
    List<InputRules.Problem> problems = new ArrayList<>();
    variables.keySet().stream().sorted().forEach(name -> {
      Integer limit = fields.get(name);
      Object value = variables.get(name);
      if (limit == null) {
        problems.add(new InputRules.Problem(name, "is not a field of this form"));
      } else if (value instanceof String text && text.length() > limit) {
        problems.add(new InputRules.Problem(name, "is " + text.length() + " characters long, at most " + limit
            + " are allowed"));
      }
    });
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
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
