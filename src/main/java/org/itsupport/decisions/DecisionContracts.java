package org.itsupport.decisions;

import static org.itsupport.model.TicketVariables.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;

/**
 * What the ticket process gives each decision and what it reads back: input names (the variables) and output
 * names, with their types. A new version of a table must keep them, or the process would evaluate it with
 * missing inputs or find no output where it expects one.
 */
public final class DecisionContracts {

  private DecisionContracts() {
  }

  public record Contract(Map<String, String> inputs, Map<String, String> outputs) {
  }

  public static final Map<String, Contract> BY_KEY = Map.of(
      "ticket-priority", new Contract(
          Map.of(IMPACT, "string", URGENCY, "string"),
          Map.of(PRIORITY, "string")),
      "ticket-sla-targets", new Contract(
          Map.of(PRIORITY, "string"),
          types(RESPONSE_TARGET, "string", RESOLUTION_TARGET, "string", TASK_PRIORITY, "integer", SLA_CLOCK, "string",
              ANSWER_REMINDER, "string", ANSWER_DEADLINE, "string", AT_RISK_PERCENT, "integer", ESCALATED_PERCENT,
              "integer", VERIFICATION_REMINDER, "string", VERIFICATION_DEADLINE, "string", SURVEY_REMINDER, "string",
              SURVEY_DEADLINE, "string", PROGRESS_UPDATE_EVERY, "string")),
      "ticket-routing", new Contract(
          Map.of(SERVICE_TYPE, "string"),
          Map.of(SPECIALIST_GROUP, "string")),
      "change-risk", new Contract(
          Map.of(CHANGE_TYPE, "string", BACKUP_AVAILABLE, "boolean"),
          Map.of(RISK_LEVEL, "string", APPROVAL_REQUIRED, "boolean", APPROVER_GROUP, "string")),
      "sla-escalation", new Contract(
          Map.of(SLA_TYPE, "string", ESCALATION_RUNG, "string", PRIORITY, "string"),
          Map.of(ESCALATION_GROUP, "string", NOTIFY, "string", RAISE_PRIORITY, "boolean")),
      "rating-follow-up", new Contract(
          Map.of(SURVEY_SKIPPED, "boolean", SCORE_RESPONSE_SPEED, "integer", SCORE_EFFICIENCY, "integer",
              SCORE_ATTITUDE, "integer", SCORE_EXPERTISE, "integer"),
          Map.of(FOLLOW_UP_REQUIRED, "boolean")),
      // asked at intake, once per kind of cluster, by the recurring-problems check
      "problem-thresholds", new Contract(
          Map.of("clusterBy", "string", SERVICE_TYPE, "string"),
          Map.of("tickets", "integer", "withinDays", "integer")));

  /** Names and types, alternating. */
  private static Map<String, String> types(String... namesAndTypes) {
    Map<String, String> types = new LinkedHashMap<>();
    for (int i = 0; i < namesAndTypes.length; i += 2) {
      types.put(namesAndTypes[i], namesAndTypes[i + 1]);
    }
    return Map.copyOf(types);
  }

  /** How a table breaks its contract; empty when it keeps it. */
  public static List<String> problems(String key, DecisionTable table) {
    Contract contract = BY_KEY.get(key);
    if (contract == null) {
      return List.of("the ticket process uses no decision '" + key + "' (it uses " + String.join(", ",
          BY_KEY.keySet().stream().sorted().toList()) + ")");
    }
    if (table == null) {
      return List.of("'" + key + "' must be a decision table");
    }
    List<String> problems = new ArrayList<>();
    Map<String, String> inputs = new LinkedHashMap<>();
    table.getInputs().forEach(input -> inputs.put(DecisionSheet.inputName(input), input.getInputExpression().getTypeRef()));
    contract.inputs().forEach((name, type) -> {
      if (!inputs.containsKey(name)) {
        problems.add("input '" + name + "' (" + type + ") is missing");
      } else if (!type.equals(inputs.get(name))) {
        problems.add("input '" + name + "' must be of type " + type + ", not " + inputs.get(name));
      }
    });
    inputs.keySet().stream().filter(name -> !contract.inputs().containsKey(name))
        .forEach(name -> problems.add("input '" + name + "' is not given by the process (it gives "
            + String.join(", ", contract.inputs().keySet().stream().sorted().toList()) + ")"));
    Map<String, String> outputs = new LinkedHashMap<>();
    for (Output output : table.getOutputs()) {
      outputs.put(output.getName(), output.getTypeRef());
    }
    contract.outputs().forEach((name, type) -> {
      if (!outputs.containsKey(name)) {
        problems.add("output '" + name + "' (" + type + ") is missing");
      } else if (!type.equals(outputs.get(name))) {
        problems.add("output '" + name + "' must be of type " + type + ", not " + outputs.get(name));
      }
    });
    return problems;
  }
}
