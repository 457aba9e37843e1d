package org.itsupport.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.itsupport.ticket.InputRules;
import org.itsupport.ticket.InvalidInputException;

/**
 * A task's completion sets the fields of the task's form, nothing else: not the ticket's priority, requester or
 * any other variable of its record. The fields are read from the form deployed with the process (Camunda Forms),
 * so they are what Tasklist shows; a task without such a form takes no variables from a user.
 */
final class FormFieldsOnly {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormFieldsOnly() {
  }

  static void check(CommandContext context, String taskId, Map<String, Object> variables) {
    if (variables.isEmpty() || context.getTaskManager().findTaskById(taskId) == null) {
      return; // nothing to set, or the engine answers that there is no such task
    }
    Set<String> fields = context.runWithoutAuthorization(() -> fields(context, taskId));
    List<InputRules.Problem> unknown = variables.keySet().stream().filter(name -> !fields.contains(name)).sorted()
        .map(name -> new InputRules.Problem(name, "is not a field of this form")).toList();
    if (!unknown.isEmpty()) {
      throw new InvalidInputException(unknown);
    }
  }

  private static Set<String> fields(CommandContext context, String taskId) {
    try (InputStream form = context.getProcessEngineConfiguration().getFormService().getDeployedTaskForm(taskId)) {
      Set<String> keys = new HashSet<>();
      collectKeys(JSON.readTree(form), keys);
      return keys;
    } catch (ProcessEngineException noCamundaForm) {
      return Set.of();
    } catch (IOException e) {
      throw new IllegalStateException("The form of task " + taskId + " cannot be read", e);
    }
  }

  private static void collectKeys(JsonNode component, Set<String> keys) {
    if (component.hasNonNull("key") && component.has("type")) {
      keys.add(component.get("key").asText());
    }
    component.path("components").forEach(child -> collectKeys(child, keys));
  }
}
