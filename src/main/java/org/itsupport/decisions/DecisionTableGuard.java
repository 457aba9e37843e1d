package org.itsupport.decisions;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.springframework.stereotype.Component;

/**
 * A guard at the door for decision tables deployed by people (Camunda Modeler, REST): before a new version
 * can become the one tickets use, it must parse, keep the inputs and outputs the process relies on, have a
 * rule for every combination of its listed input values, and pass its test sheet when one
 * ({@code <decision-id>.csv}) is deployed with it. Otherwise the deployment is refused (HTTP 400) with the
 * reasons. The application's own deployment at start-up is checked by the build instead.
 */
@Component
public class DecisionTableGuard extends AbstractProcessEnginePlugin {

  /** Two years, leap day included. */
  public static final int MINIMUM_RETENTION_DAYS = 731;

  private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final int MAX_GAPS_REPORTED = 5;

  private final DmnEngine dmn = DecisionEngines.standalone();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> preDeployers =
        configuration.getCustomPreDeployers() == null ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPreDeployers());
    preDeployers.add(this::check);
    configuration.setCustomPreDeployers(preDeployers);
  }

  void check(DeploymentEntity deployment) {
    if (Context.getCommandContext().getAuthentication() == null || deployment.getResources() == null) {
      return;
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    deployment.getResources().forEach((name, resource) -> files.put(name, resource.getBytes()));
    List<String> problems = check(files);
    if (!problems.isEmpty()) {
      throw new BadUserRequestException("Decision table refused, nothing was deployed: " + String.join("; ", problems));
    }
  }

  /** The problems of the .dmn files among {@code files}, each checked with its sheet when one is among them. */
  public List<String> check(Map<String, byte[]> files) {
    Map<String, String> sheets = new LinkedHashMap<>();
    files.forEach((name, content) -> {
      if (name.endsWith(".csv")) {
        sheets.put(baseName(name), new String(content, StandardCharsets.UTF_8));
      }
    });
    List<String> problems = new ArrayList<>();
    Set<String> decisionIds = new HashSet<>();
    files.forEach((name, content) -> {
      if (name.endsWith(".dmn")) {
        problems.addAll(check(name, content, sheets));
        decisionIds.addAll(decisionIds(content));
      }
    });
    sheets.keySet().stream().filter(id -> !decisionIds.contains(id)).forEach(id -> problems.add(id + ".csv checks "
        + "nothing: no decision '" + id + "' comes with it (a sheet is named after the decision id it tests)"));
    return problems;
  }

  private static List<String> decisionIds(byte[] dmnXml) {
    try {
      return Dmn.readModelFromStream(new ByteArrayInputStream(dmnXml)).getModelElementsByType(Decision.class).stream()
          .map(Decision::getId).toList();
    } catch (RuntimeException e) {
      return List.of(); // reported as "does not parse"
    }
  }

  /**
   * The standard keeps ticket records at least two years. A table without its own time to live gets the
   * engine's default (application.yaml); one with a shorter one would have its history removed too early.
   */
  static Optional<String> retentionProblem(String historyTimeToLive) {
    if (historyTimeToLive == null || historyTimeToLive.isBlank()) {
      return Optional.empty();
    }
    String ttl = historyTimeToLive.trim();
    long days;
    try {
      days = ttl.chars().allMatch(Character::isDigit) ? Long.parseLong(ttl) : Period.parse(ttl).getDays();
    } catch (RuntimeException e) {
      return Optional.of("history time to live '" + ttl + "' is not a number of days");
    }
    return days >= MINIMUM_RETENTION_DAYS ? Optional.empty() : Optional.of("history time to live is " + days
        + " days; the standard keeps ticket records at least two years (" + MINIMUM_RETENTION_DAYS + " days)");
  }

  /** The problems of one deployed .dmn file, each prefixed with the file and decision it concerns. */
  public List<String> check(String fileName, byte[] dmnXml, Map<String, String> sheetsByDecision) {
    DmnModelInstance model;
    List<DmnDecision> decisions;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(dmnXml));
      decisions = dmn.parseDecisions(model);
    } catch (RuntimeException e) {
      return List.of(fileName + " does not parse: " + e.getMessage());
    }
    List<String> problems = new ArrayList<>();
    for (Decision element : model.getModelElementsByType(Decision.class)) {
      String key = element.getId();
      DecisionTable table = element.getExpression() instanceof DecisionTable decisionTable ? decisionTable : null;
      String where = fileName + " (" + key + "): ";
      retentionProblem(element.getCamundaHistoryTimeToLiveString()).ifPresent(problem -> problems.add(where + problem));
      List<String> contract = DecisionContracts.problems(key, table);
      contract.forEach(problem -> problems.add(where + problem));
      if (!contract.isEmpty()) {
        continue;
      }
      DmnDecision decision = decisions.stream().filter(d -> d.getKey().equals(key)).findFirst().orElseThrow();
      gaps(decision, table).forEach(problem -> problems.add(where + problem));
      String sheet = sheetsByDecision.get(key);
      if (sheet != null) {
        try {
          DecisionSheet.parse(key + ".csv", sheet).check(dmn, decision, table)
              .forEach(problem -> problems.add(where + "test sheet " + problem));
        } catch (IllegalArgumentException unreadable) {
          problems.add(where + unreadable.getMessage());
        }
      }
    }
    return problems;
  }

  /** Combinations of the listed input values that no rule (or more than one) answers. */
  private List<String> gaps(DmnDecision decision, DecisionTable table) {
    Map<String, List<Object>> domains = new LinkedHashMap<>();
    for (Input input : table.getInputs()) {
      List<Object> values = domain(input);
      if (values == null) {
        return List.of(); // an input without a value list (a number, a level): no finite set to cover
      }
      domains.put(DecisionSheet.inputName(input), values);
    }
    List<String> gaps = new ArrayList<>();
    List<Map<String, Object>> combinations = List.of(Map.of());
    for (Map.Entry<String, List<Object>> domain : domains.entrySet()) {
      List<Map<String, Object>> extended = new ArrayList<>();
      for (Map<String, Object> partial : combinations) {
        for (Object value : domain.getValue()) {
          Map<String, Object> combination = new LinkedHashMap<>(partial);
          combination.put(domain.getKey(), value);
          extended.add(combination);
        }
      }
      combinations = extended;
    }
    for (Map<String, Object> combination : combinations) {
      String where = String.join(", ", combination.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
      try {
        DmnDecisionTableResult result = dmn.evaluateDecisionTable(decision, combination);
        if (result.isEmpty()) {
          gaps.add("no rule for " + where);
        }
      } catch (RuntimeException e) {
        gaps.add("more than one rule for " + where + " (" + e.getMessage() + ")");
      }
      if (gaps.size() == MAX_GAPS_REPORTED) {
        gaps.add("(further combinations not checked)");
        break;
      }
    }
    return gaps;
  }

  private static List<Object> domain(Input input) {
    String type = input.getInputExpression().getTypeRef();
    if ("boolean".equals(type)) {
      return List.of(true, false);
    }
    if (!"string".equals(type) || input.getInputValues() == null || input.getInputValues().getText() == null) {
      return null;
    }
    List<Object> values = new ArrayList<>();
    Matcher literal = STRING_LITERAL.matcher(input.getInputValues().getText().getTextContent());
    while (literal.find()) {
      values.add(literal.group(1));
    }
    return values.isEmpty() ? null : values;
  }

  private static String baseName(String resourceName) {
    String file = resourceName.substring(resourceName.lastIndexOf('/') + 1);
    return file.substring(0, file.length() - ".csv".length());
  }
}
