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

/** Table test for decisions/change-risk.dmn: change type and backup give risk, approval and approver group. */
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

  // an empty approvers column: the rule leaves the approver group cell empty
  @ParameterizedTest(name = "{0}, backup {1} -> {2} risk, approval {3}, approvers {4} by {5}")
  @CsvSource({
      "routine-fix,               true,  low,    false,                 , Rule_RoutineFix",
      "routine-fix,               false, low,    false,                 , Rule_RoutineFix",
      "software-install,          true,  low,    false,                 , Rule_SoftwareInstall",
      "software-install,          false, low,    false,                 , Rule_SoftwareInstall",
      "hardware-replacement,      true,  medium, false,                 , Rule_HardwareReplacement",
      "hardware-replacement,      false, medium, false,                 , Rule_HardwareReplacement",
      "configuration-change,      true,  medium, false,                 , Rule_ConfigurationChangeWithBackup",
      "configuration-change,      false, medium, true,  change-approvers, Rule_ConfigurationChangeWithoutBackup",
      "core-configuration-change, true,  high,   true,  change-approvers, Rule_HighRiskWithBackup",
      "system-reinstall,          true,  high,   true,  change-approvers, Rule_HighRiskWithBackup",
      "data-migration,            true,  high,   true,  change-approvers, Rule_HighRiskWithBackup",
      "core-configuration-change, false, high,   true,  service-managers, Rule_HighRiskWithoutBackup",
      "system-reinstall,          false, high,   true,  service-managers, Rule_HighRiskWithoutBackup",
      "data-migration,            false, high,   true,  service-managers, Rule_HighRiskWithoutBackup",
  })
  void eachChangeGetsItsRiskAndApproval(String changeType, boolean backupAvailable,
      String riskLevel, boolean approvalRequired, String approverGroup, String rule) {
    Evaluation evaluation = evaluate(changeType, backupAvailable);

    Map<String, Object> expected = new HashMap<>();
    expected.put("riskLevel", riskLevel);
    expected.put("approvalRequired", approvalRequired);
    if (approverGroup != null) {
      // the engine leaves an empty cell out of the result: no approverGroup entry, rather than one holding null
      expected.put("approverGroup", approverGroup);
    }
    assertThat(evaluation.matchedRuleIds()).containsExactly(rule);
    assertThat(evaluation.singleOutput()).isEqualTo(expected);
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
