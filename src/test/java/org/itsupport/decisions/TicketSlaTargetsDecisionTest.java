package org.itsupport.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.assertj.core.api.SoftAssertions;
import org.itsupport.decisions.DecisionTableHarness.Evaluation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Table test for decisions/ticket-sla-targets.dmn: the priority gives response and resolution targets. */
class TicketSlaTargetsDecisionTest {

  /** Most urgent first. */
  private static final List<String> PRIORITIES = List.of("P1", "P2", "P3", "P4");

  private static DecisionTableHarness table;

  @BeforeAll
  static void parseTable() {
    table = DecisionTableHarness.load("ticket-sla-targets");
  }

  @ParameterizedTest(name = "{0} -> respond within {1}, resolve within {2}, task priority {3} by {4}")
  @CsvSource({
      "P1, PT5M,  PT2H, 100, Rule_P1",
      "P2, PT15M, PT4H, 75,  Rule_P2",
      "P3, PT30M, PT8H, 50,  Rule_P3",
      "P4, PT1H,  P3D,  25,  Rule_P4",
  })
  void eachPriorityGetsTheDefaultTargetsOfTheStandard(
      String priority, String responseTarget, String resolutionTarget, int taskPriority, String rule) {
    Evaluation evaluation = evaluate(priority);

    assertThat(evaluation.matchedRuleIds()).containsExactly(rule);
    assertThat(evaluation.singleOutput()).isEqualTo(Map.of(
        "responseTarget", responseTarget,
        "resolutionTarget", resolutionTarget,
        "taskPriority", taskPriority));
  }

  @Test
  void everyPriorityMatchesExactlyOneRule_withParsableTargets_respondingBeforeResolving() {
    Set<String> reachedRules = new HashSet<>();
    SoftAssertions softly = new SoftAssertions();
    for (String priority : PRIORITIES) {
      Evaluation evaluation = evaluate(priority);
      softly.assertThat(evaluation.matchedRuleIds()).as("rules for %s", priority).hasSize(1);
      for (Map<String, Object> output : evaluation.outputs()) {
        Duration response = Duration.parse((String) output.get("responseTarget"));
        Duration resolution = Duration.parse((String) output.get("resolutionTarget"));
        softly.assertThat(response).as("response target of %s", priority).isPositive();
        softly.assertThat(response).as("response target of %s", priority).isLessThan(resolution);
        softly.assertThat(output.get("taskPriority")).as("task priority of %s", priority).isInstanceOf(Integer.class);
      }
      reachedRules.addAll(evaluation.matchedRuleIds());
    }
    softly.assertThat(reachedRules).as("rules reached by some priority")
        .containsExactlyInAnyOrderElementsOf(table.ruleIds());
    softly.assertAll();
  }

  @Test
  void moreUrgentPriorityNeverGetsLongerTargetsOrALowerTaskPriority() {
    for (int i = 1; i < PRIORITIES.size(); i++) {
      Map<String, Object> moreUrgent = evaluate(PRIORITIES.get(i - 1)).singleOutput();
      Map<String, Object> lessUrgent = evaluate(PRIORITIES.get(i)).singleOutput();
      String pair = PRIORITIES.get(i - 1) + " vs " + PRIORITIES.get(i);

      assertThat(Duration.parse((String) moreUrgent.get("responseTarget"))).as("response, %s", pair)
          .isLessThanOrEqualTo(Duration.parse((String) lessUrgent.get("responseTarget")));
      assertThat(Duration.parse((String) moreUrgent.get("resolutionTarget"))).as("resolution, %s", pair)
          .isLessThanOrEqualTo(Duration.parse((String) lessUrgent.get("resolutionTarget")));
      assertThat((Integer) moreUrgent.get("taskPriority")).as("task priority, %s", pair)
          .isGreaterThan((Integer) lessUrgent.get("taskPriority"));
    }
  }

  @Test
  void tableListsThePrioritiesTheTicketPriorityTableGives() {
    assertThat(table.allowedInputValues("priority")).containsExactlyElementsOf(PRIORITIES);
  }

  @ParameterizedTest(name = "priority {0} -> no targets")
  @NullAndEmptySource
  @ValueSource(strings = {"P0", "P5", "p1"})
  void unknownOrMissingPriorityMatchesNoRule(String priority) {
    assertThat(evaluate(priority).outputs()).isEmpty();
  }

  private static Evaluation evaluate(String priority) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("priority", priority);
    return table.evaluate(variables);
  }
}
