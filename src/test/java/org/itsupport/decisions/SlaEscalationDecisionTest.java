package org.itsupport.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
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

/**
 * Table test for decisions/sla-escalation.dmn: the SLA, the priority and the escalation level give when the level
 * fires, the group that acts, who else is told and whether the priority goes up. The process asks for level n+1 after
 * level n fired and stops at the first level without a rule, so the levels must run 1, 2, 3, ... without a gap. The
 * expected outputs of each level are in the test sheet decisions/tests/sla-escalation.csv; this class checks what must
 * hold for every level.
 */
class SlaEscalationDecisionTest {

  private static final List<String> SLA_TYPES = List.of("response", "resolution");
  private static final List<String> PRIORITIES = List.of("P1", "P2", "P3", "P4");
  /** The default levels: response escalates three times, resolution four times, whatever the priority. */
  private static final Map<String, Integer> LAST_LEVEL = Map.of("response", 3, "resolution", 4);
  /** Checked from 0 (nothing fired yet) to two past the last level. */
  private static final int HIGHEST_LEVEL_CHECKED = 6;
  private static final List<String> ESCALATION_GROUPS = List.of("service-desk", "service-managers");
  private static final List<String> ESCALATION_LABELS =
      List.of("warning", "breach", "second escalation", "third escalation");
  /** The groups the application sets up; "notify" may name any of them, or the requester. */
  private static final List<String> KNOWN_GROUPS = List.of("requesters", "service-desk", "hardware-support",
      "software-support", "network-support", "security-response", "change-approvers", "service-managers",
      "process-owners", "auditors");
  private static final String REQUESTER = "requester";
  private static final int BREACH_PERCENT = 100;

  private static DecisionTableHarness table;

  @BeforeAll
  static void parseTable() {
    table = DecisionTableHarness.load("sla-escalation");
  }

  @ParameterizedTest(name = "{0} SLA, {1}, level {2} -> no such level")
  @CsvSource(nullValues = "null", value = {
      "response,   P1,   0",
      "resolution, P4,   0",
      "response,   P1,   4",
      "response,   P4,   4",
      "resolution, P2,   5",
      "response,   P3,   -1",
      "response,   P2,   null",
      "breach,     P1,   1",
      "resolution, P5,   1",
      "null,       P1,   1",
      "resolution, null, 1",
  })
  void levelOutsideTheTable_orUnknownSlaOrPriority_matchesNoRule(String slaType, String priority,
      Integer escalationLevel) {
    assertThat(evaluate(slaType, priority, escalationLevel).outputs()).isEmpty();
  }

  @Test
  void everySlaAndPriorityHasExactlyOneRulePerLevelUpToItsLast_andNoneBeyond_andEveryRuleIsReachable() {
    Set<String> reachedRules = new HashSet<>();
    SoftAssertions softly = new SoftAssertions();
    for (String slaType : SLA_TYPES) {
      for (String priority : PRIORITIES) {
        for (int level = 0; level <= HIGHEST_LEVEL_CHECKED; level++) {
          Evaluation evaluation = evaluate(slaType, priority, level);
          int expectedRules = level >= 1 && level <= LAST_LEVEL.get(slaType) ? 1 : 0;
          softly.assertThat(evaluation.matchedRuleIds())
              .as("rules for %s SLA, %s, level %d", slaType, priority, level).hasSize(expectedRules);
          reachedRules.addAll(evaluation.matchedRuleIds());
        }
      }
    }
    softly.assertThat(reachedRules).as("rules reached by some level")
        .containsExactlyInAnyOrderElementsOf(table.ruleIds());
    softly.assertAll();
  }

  @Test
  void everyLevelNamesAKnownGroup_andTellsOnlyTheRequesterOrKnownGroups() {
    SoftAssertions softly = new SoftAssertions();
    forEveryLevel((level, output) -> {
      softly.assertThat(output.get("escalationGroup")).as("escalation group at %s", level)
          .isInstanceOf(String.class).isIn(ESCALATION_GROUPS);
      softly.assertThat(output.get("escalationLabel")).as("label at %s", level).isIn(ESCALATION_LABELS);
      softly.assertThat(output.get("thresholdPercent")).as("threshold at %s", level).isInstanceOf(Integer.class);
      softly.assertThat(output.get("raisePriority")).as("raise priority at %s", level).isInstanceOf(Boolean.class);
      Object notify = output.get("notify");
      if (notify != null) {
        softly.assertThat(notify).as("notify at %s", level).isInstanceOf(String.class);
        softly.assertThat(recipients(notify.toString())).as("recipients at %s", level)
            .doesNotHaveDuplicates()
            .allSatisfy(recipient -> assertThat(recipient).satisfiesAnyOf(
                name -> assertThat(name).isEqualTo(REQUESTER),
                name -> assertThat(name).isIn(KNOWN_GROUPS)));
      }
    });
    softly.assertAll();
  }

  @Test
  void thresholdsRiseWithTheLevel_fromAWarningBeforeTheBreach_throughTheBreachAtOneHundredPercent() {
    SoftAssertions softly = new SoftAssertions();
    for (String slaType : SLA_TYPES) {
      for (String priority : PRIORITIES) {
        String sla = slaType + " SLA, " + priority;
        int previousPercent = 0;
        int breaches = 0;
        for (int level = 1; level <= LAST_LEVEL.get(slaType); level++) {
          Map<String, Object> output = evaluate(slaType, priority, level).singleOutput();
          int percent = (Integer) output.get("thresholdPercent");
          softly.assertThat(percent).as("threshold of %s, level %d", sla, level).isGreaterThan(previousPercent);
          // the name tells where the level stands relative to the breach, so Tasklist and history read right
          String expectedKind = percent < BREACH_PERCENT ? "warning" : percent == BREACH_PERCENT ? "breach" : null;
          if (expectedKind != null) {
            softly.assertThat(output.get("escalationLabel")).as("label of %s, level %d", sla, level)
                .isEqualTo(expectedKind);
          } else {
            softly.assertThat(output.get("escalationLabel")).as("label of %s, level %d", sla, level)
                .isNotIn("warning", "breach");
          }
          if (percent == BREACH_PERCENT) {
            breaches++;
          }
          previousPercent = percent;
        }
        softly.assertThat(breaches).as("levels of %s that fire at the breach", sla).isEqualTo(1);
      }
    }
    softly.assertAll();
  }

  @Test
  void tableListsTheSlaTypesPrioritiesGroupsAndLabels() {
    assertThat(table.allowedInputValues("slaType")).containsExactlyElementsOf(SLA_TYPES);
    assertThat(table.allowedInputValues("priority")).containsExactlyElementsOf(PRIORITIES);
    assertThat(table.allowedOutputValues("escalationGroup")).containsExactlyInAnyOrderElementsOf(ESCALATION_GROUPS);
    assertThat(ESCALATION_GROUPS).allSatisfy(group -> assertThat(group).isIn(KNOWN_GROUPS));
    assertThat(table.allowedOutputValues("escalationLabel")).containsExactlyElementsOf(ESCALATION_LABELS);
  }

  private interface LevelOutput {
    void check(String level, Map<String, Object> output);
  }

  /** Every defined level of every SLA and priority, with its single output. */
  private static void forEveryLevel(LevelOutput check) {
    for (String slaType : SLA_TYPES) {
      for (String priority : PRIORITIES) {
        for (int level = 1; level <= LAST_LEVEL.get(slaType); level++) {
          check.check(slaType + " SLA, " + priority + ", level " + level,
              evaluate(slaType, priority, level).singleOutput());
        }
      }
    }
  }

  /** "a,b" as [a, b], "" as nobody; an empty entry inside the list stays, so that the recipient check fails on it. */
  private static List<String> recipients(String notify) {
    if (notify.isBlank()) {
      return List.of();
    }
    return Arrays.stream(notify.split(",", -1)).map(String::trim).toList();
  }

  private static Evaluation evaluate(String slaType, String priority, Integer escalationLevel) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("slaType", slaType);
    variables.put("priority", priority);
    variables.put("escalationLevel", escalationLevel);
    return table.evaluate(variables);
  }
}
