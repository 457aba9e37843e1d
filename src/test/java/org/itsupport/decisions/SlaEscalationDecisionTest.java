package org.itsupport.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.itsupport.decisions.DecisionTableHarness.Evaluation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table test for decisions/sla-escalation.dmn, the escalation ladder: the SLA, the rung its timer reached and the
 * priority give the group that acts, who else is told and whether the priority goes up. Every stage's timers are
 * the rungs "at risk", "breached" and "escalated", so every rung of every SLA and priority needs exactly one row.
 * The expected outputs of each rung are in the test sheet decisions/tests/sla-escalation.csv; this class checks what
 * must hold for every rung.
 */
class SlaEscalationDecisionTest {

  private static final List<String> SLA_TYPES = List.of("response", "resolution");
  private static final List<String> RUNGS = List.of("at risk", "breached", "escalated");
  private static final List<String> PRIORITIES = List.of("P1", "P2", "P3", "P4");
  private static final List<String> ESCALATION_GROUPS = List.of("service-desk", "service-managers");
  /** The groups the application sets up; "notify" may name any of them, or the requester. */
  private static final List<String> KNOWN_GROUPS = List.of("requesters", "service-desk", "hardware-support",
      "software-support", "network-support", "security-response", "change-approvers", "service-managers",
      "process-owners", "auditors");
  private static final String REQUESTER = "requester";

  private static DecisionTableHarness table;

  @BeforeAll
  static void parseTable() {
    table = DecisionTableHarness.load("sla-escalation");
  }

  @ParameterizedTest(name = "{0} SLA, {1}, {2} -> no such rung")
  @CsvSource(nullValues = "null", value = {
      "response,   warning,  P1",
      "resolution, level 2,  P4",
      "breach,     at risk,  P1",
      "resolution, at risk,  P5",
      "null,       at risk,  P1",
      "resolution, null,     P1",
  })
  void unknownSlaRungOrPriority_matchesNoRule(String slaType, String rung, String priority) {
    assertThat(evaluate(slaType, rung, priority).outputs()).isEmpty();
  }

  @Test
  void everyRungOfEverySlaAndPriorityHasExactlyOneRow() {
    SoftAssertions softly = new SoftAssertions();
    for (String slaType : SLA_TYPES) {
      for (String rung : RUNGS) {
        for (String priority : PRIORITIES) {
          softly.assertThat(evaluate(slaType, rung, priority).outputs()).as("%s SLA %s, %s", slaType, rung, priority)
              .hasSize(1);
        }
      }
    }
    softly.assertAll();
  }

  @Test
  void everyRungNamesAKnownGroup_andTellsOnlyTheRequesterOrKnownGroups() {
    SoftAssertions softly = new SoftAssertions();
    for (String slaType : SLA_TYPES) {
      for (String rung : RUNGS) {
        for (String priority : PRIORITIES) {
          String at = slaType + " SLA " + rung + ", " + priority;
          Map<String, Object> output = evaluate(slaType, rung, priority).singleOutput();
          softly.assertThat(output.get("escalationGroup")).as("escalation group at %s", at).isIn(ESCALATION_GROUPS);
          softly.assertThat(output.get("raisePriority")).as("raise priority at %s", at).isInstanceOf(Boolean.class);
          Object notify = output.get("notify");
          if (notify != null) {
            softly.assertThat(recipients(notify.toString())).as("recipients at %s", at).doesNotHaveDuplicates()
                .allSatisfy(recipient -> assertThat(recipient).satisfiesAnyOf(
                    name -> assertThat(name).isEqualTo(REQUESTER),
                    name -> assertThat(name).isIn(KNOWN_GROUPS)));
          }
        }
      }
    }
    softly.assertAll();
  }

  @Test
  void aBreach_alwaysReachesTheManagersOneWayOrAnother_andTheRequesterHearsOfAResolutionBreach() {
    for (String priority : PRIORITIES) {
      Map<String, Object> response = evaluate("response", "breached", priority).singleOutput();
      assertThat(response.get("escalationGroup") + "," + response.get("notify")).contains("service-managers");
      assertThat(String.valueOf(evaluate("resolution", "breached", priority).singleOutput().get("notify")))
          .contains(REQUESTER);
    }
  }

  @Test
  void tableListsTheSlaTypesRungsPrioritiesAndGroups() {
    assertThat(table.allowedInputValues("slaType")).containsExactlyElementsOf(SLA_TYPES);
    assertThat(table.allowedInputValues("escalationRung")).containsExactlyElementsOf(RUNGS);
    assertThat(table.allowedInputValues("priority")).containsExactlyElementsOf(PRIORITIES);
    assertThat(table.allowedOutputValues("escalationGroup")).containsExactlyElementsOf(ESCALATION_GROUPS);
  }

  /** "a,b" as [a, b], "" as nobody; an empty entry inside the list stays, so that the recipient check fails on it. */
  private static List<String> recipients(String notify) {
    if (notify.isBlank()) {
      return List.of();
    }
    return Arrays.stream(notify.split(",", -1)).map(String::trim).toList();
  }

  private static Evaluation evaluate(String slaType, String rung, String priority) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("slaType", slaType);
    variables.put("escalationRung", rung);
    variables.put("priority", priority);
    return table.evaluate(variables);
  }
}
