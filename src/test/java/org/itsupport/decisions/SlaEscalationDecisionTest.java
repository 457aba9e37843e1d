package org.itsupport.decisions;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Table test for decisions/sla-escalation.dmn: a breached SLA, the priority and the level give the group told. */
class SlaEscalationDecisionTest {

  private static final List<String> SLA_TYPES = List.of("response", "resolution");
  private static final List<String> PRIORITIES = List.of("P1", "P2", "P3", "P4");
  /** Level 1 is the breach itself; a few repeated escalations after it. */
  private static final int HIGHEST_LEVEL_CHECKED = 5;
  private static final List<String> ESCALATION_GROUPS = List.of("service-managers", "service-desk");

  private static DecisionTableHarness table;

  @BeforeAll
  static void parseTable() {
    table = DecisionTableHarness.load("sla-escalation");
  }

  @ParameterizedTest(name = "{0} SLA, {1}, level {2} -> {3} by {4}")
  @CsvSource({
      "response,   P1, 1, service-managers, Rule_ResponseBreachedP1P2",
      "response,   P1, 2, service-managers, Rule_ResponseBreachedP1P2",
      "response,   P2, 1, service-managers, Rule_ResponseBreachedP1P2",
      "response,   P2, 2, service-managers, Rule_ResponseBreachedP1P2",
      "response,   P3, 1, service-desk,     Rule_ResponseBreachedP3P4",
      "response,   P3, 2, service-desk,     Rule_ResponseBreachedP3P4",
      "response,   P4, 1, service-desk,     Rule_ResponseBreachedP3P4",
      "response,   P4, 2, service-desk,     Rule_ResponseBreachedP3P4",
      "resolution, P1, 1, service-managers, Rule_ResolutionBreached",
      "resolution, P2, 2, service-managers, Rule_ResolutionBreached",
      "resolution, P3, 1, service-managers, Rule_ResolutionBreached",
      "resolution, P4, 1, service-managers, Rule_ResolutionBreached",
      "resolution, P4, 2, service-managers, Rule_ResolutionBreached",
  })
  void eachBreachGoesToItsEscalationGroup(String slaType, String priority, int escalationLevel,
      String escalationGroup, String rule) {
    Evaluation evaluation = evaluate(slaType, priority, escalationLevel);

    assertThat(evaluation.matchedRuleIds()).containsExactly(rule);
    assertThat(evaluation.singleOutput()).isEqualTo(Map.of("escalationGroup", escalationGroup));
  }

  @ParameterizedTest(name = "{0} SLA, {1}, level {2} -> nobody told")
  @CsvSource({
      "response,   P1, 0",
      "response,   P4, 0",
      "resolution, P1, 0",
      "resolution, P3, -1",
  })
  void levelBelowOneIsNoBreachAndMatchesNoRule(String slaType, String priority, int escalationLevel) {
    assertThat(evaluate(slaType, priority, escalationLevel).outputs()).isEmpty();
  }

  @Test
  void everyBreachOfEveryPriorityAtEveryLevelMatchesExactlyOneRule_andEveryRuleIsReachable() {
    Set<String> reachedRules = new HashSet<>();
    SoftAssertions softly = new SoftAssertions();
    for (String slaType : SLA_TYPES) {
      for (String priority : PRIORITIES) {
        for (int level = 1; level <= HIGHEST_LEVEL_CHECKED; level++) {
          String breach = slaType + " SLA, " + priority + ", level " + level;
          Evaluation evaluation = evaluate(slaType, priority, level);
          softly.assertThat(evaluation.matchedRuleIds()).as("rules for %s", breach).hasSize(1);
          softly.assertThat(evaluation.outputs()).as("group for %s", breach)
              .allSatisfy(output -> assertThat(output.get("escalationGroup")).isIn(ESCALATION_GROUPS));
          reachedRules.addAll(evaluation.matchedRuleIds());
        }
      }
    }
    softly.assertThat(reachedRules).as("rules reached by some breach")
        .containsExactlyInAnyOrderElementsOf(table.ruleIds());
    softly.assertAll();
  }

  @Test
  void tableListsTheSlaTypesPrioritiesAndEscalationGroups() {
    assertThat(table.allowedInputValues("slaType")).containsExactlyElementsOf(SLA_TYPES);
    assertThat(table.allowedInputValues("priority")).containsExactlyElementsOf(PRIORITIES);
    assertThat(table.allowedOutputValues("escalationGroup")).containsExactlyInAnyOrderElementsOf(ESCALATION_GROUPS);
  }

  private static Evaluation evaluate(String slaType, String priority, Integer escalationLevel) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("slaType", slaType);
    variables.put("priority", priority);
    variables.put("escalationLevel", escalationLevel);
    return table.evaluate(variables);
  }
}
