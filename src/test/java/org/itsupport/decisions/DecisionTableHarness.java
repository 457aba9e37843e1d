package org.itsupport.decisions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.UnaryTests;

/**
 * One decision table from {@code decisions/} on the classpath, parsed by its own DMN engine, as the
 * table tests see it: which rules match an input and what they output, plus the table's own lists of
 * rules and allowed values, so a test can tell a gap or an unreachable rule from a wrong output.
 */
final class DecisionTableHarness {

  /** Filled by the engine after each evaluation; read right after, tests run one at a time. */
  private final List<String> matchedRuleIds = new ArrayList<>();
  private final DmnEngine engine;
  private final DmnDecision decision;
  private final DmnModelInstance model;

  private DecisionTableHarness(String decisionId) {
    DmnDecisionTableEvaluationListener recordMatchedRules = event -> event.getMatchingRules().stream()
        .map(DmnEvaluatedDecisionRule::getId)
        .forEach(matchedRuleIds::add);
    engine = DecisionEngines.configure(DecisionEngines.defaults())
        .customPostDecisionTableEvaluationListeners(List.of(recordMatchedRules))
        .buildEngine();
    try (InputStream table = open(decisionId)) {
      decision = engine.parseDecision(decisionId, table);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (InputStream table = open(decisionId)) {
      model = Dmn.readModelFromStream(table);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses {@code decisions/<decisionId>.dmn}; the file name is the decision id. */
  static DecisionTableHarness load(String decisionId) {
    return new DecisionTableHarness(decisionId);
  }

  Evaluation evaluate(Map<String, Object> variables) {
    matchedRuleIds.clear();
    DmnDecisionResult result = engine.evaluateDecision(decision, variables);
    return new Evaluation(List.copyOf(matchedRuleIds), result.getResultList());
  }

  /** The ids of all rules, in table order. */
  List<String> ruleIds() {
    return model.getModelElementsByType(Rule.class).stream().map(Rule::getId).toList();
  }

  /** The allowed values listed on the input whose expression is {@code variable}. */
  List<String> allowedInputValues(String variable) {
    Input input = model.getModelElementsByType(Input.class).stream()
        .filter(candidate -> variable.equals(candidate.getInputExpression().getText().getTextContent().trim()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no input with expression " + variable));
    return stringLiterals(input.getInputValues());
  }

  /** The allowed values listed on the output named {@code outputName}. */
  List<String> allowedOutputValues(String outputName) {
    Output output = model.getModelElementsByType(Output.class).stream()
        .filter(candidate -> outputName.equals(candidate.getName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no output named " + outputName));
    return stringLiterals(output.getOutputValues());
  }

  private static List<String> stringLiterals(UnaryTests values) {
    if (values == null) {
      return List.of();
    }
    // the lists are plain FEEL string literals such as "P1","P2", none of which contains a comma
    return Arrays.stream(values.getText().getTextContent().split(","))
        .map(String::trim)
        .map(literal -> literal.substring(1, literal.length() - 1))
        .toList();
  }

  private static InputStream open(String decisionId) {
    InputStream table = DecisionTableHarness.class.getClassLoader()
        .getResourceAsStream("decisions/" + decisionId + ".dmn");
    if (table == null) {
      throw new IllegalStateException("decisions/" + decisionId + ".dmn is not on the classpath");
    }
    return table;
  }

  /** The rules that matched, in table order, and one output map per matched rule. */
  record Evaluation(List<String> matchedRuleIds, List<Map<String, Object>> outputs) {

    Map<String, Object> singleOutput() {
      if (outputs.size() != 1) {
        throw new AssertionError("expected exactly one matching rule but matched " + matchedRuleIds);
      }
      return outputs.get(0);
    }
  }
}
