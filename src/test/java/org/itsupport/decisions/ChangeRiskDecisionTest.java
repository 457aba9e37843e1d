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

/**
 * Table test for decisions/change-risk.dmn: change type and backup give risk, approval and approver group. The
 * expected answer for each case is in the test sheet decisions/tests/change-risk.csv; this class checks what must hold
 * for every combination.
 */
class ChangeRiskDecisionTest {

  /** The values the plan form offers; the table must list exactly these. */
  private static final List<String> CHANGE_TYPES = List.of("routine-fix", "software-install", "hardware-replacement",
      "configuration-change", "core-configuration-change", "system-reinstall", "data-migration");
  private static final List<String> RISK_LEVELS = List.of("low", "medium", "high");
  private static final List<String> APPROVER_GROUPS = List.of("change-approvers", "service-managers");

  private static DecisionTableHarness table;

  @BeforeAll
  static void parseTable() {
    table = DecisionTableHarness.load("change-risk");
  }

  @Test
  void everyChangeTypeAndBackupAnswerMatchesExactlyOneRule_withApproversExactlyWhenApprovalIsRequired() {
    Set<String> reachedRules = new HashSet<>();
    SoftAssertions softly = new SoftAssertions();
    for (String changeType : CHANGE_TYPES) {
      for (boolean backupAvailable : new boolean[] {true, false}) {
        String combination = changeType + ", backup " + backupAvailable;
        Evaluation evaluation = evaluate(changeType, backupAvailable);
        softly.assertThat(evaluation.matchedRuleIds()).as("rules for %s", combination).hasSize(1);
        for (Map<String, Object> output : evaluation.outputs()) {
          boolean approvalRequired = (Boolean) output.get("approvalRequired");
          String approverGroup = (String) output.get("approverGroup");
          softly.assertThat(output.get("riskLevel")).as("risk level of %s", combination).isIn(RISK_LEVELS);
          softly.assertThat(approverGroup != null && !approverGroup.isBlank())
              .as("%s has an approver group exactly when approval is required (%s)", combination, approvalRequired)
              .isEqualTo(approvalRequired);
          if (approvalRequired) {
            softly.assertThat(approverGroup).as("approver group of %s", combination).isIn(APPROVER_GROUPS);
          }
          if ("high".equals(output.get("riskLevel"))) {
            softly.assertThat(approvalRequired).as("high-risk %s needs approval", combination).isTrue();
          }
        }
        reachedRules.addAll(evaluation.matchedRuleIds());
      }
    }
    softly.assertThat(reachedRules).as("rules reached by some change type and backup answer")
        .containsExactlyInAnyOrderElementsOf(table.ruleIds());
    softly.assertAll();
  }

  @Test
  void tableListsTheChangeTypesThePlanFormOffersAndTheApproverGroups() {
    assertThat(table.allowedInputValues("changeType")).containsExactlyElementsOf(CHANGE_TYPES);
    assertThat(table.allowedOutputValues("riskLevel")).containsExactlyElementsOf(RISK_LEVELS);
    assertThat(table.allowedOutputValues("approverGroup")).containsExactlyInAnyOrderElementsOf(APPROVER_GROUPS);
  }

  @ParameterizedTest(name = "change type {0}, backup {1} -> no assessment")
  @CsvSource({
      "firmware-update,      true",
      "'',                   false",
      ",                     true",
      // backupAvailable must always be set: an unanswered backup question is not taken as "no backup"
      "configuration-change, ",
      "data-migration,       ",
  })
  void unknownChangeTypeOrUnansweredBackupQuestionMatchesNoRule(String changeType, Boolean backupAvailable) {
    assertThat(evaluate(changeType, backupAvailable).outputs()).isEmpty();
  }

  private static Evaluation evaluate(String changeType, Boolean backupAvailable) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("changeType", changeType);
    variables.put("backupAvailable", backupAvailable);
    return table.evaluate(variables);
  }
}
