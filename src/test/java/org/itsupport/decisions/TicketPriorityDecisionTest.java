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
 * Table test for decisions/ticket-priority.dmn: impact and urgency give the ticket's priority. The expected priority of
 * each combination is in the test sheet decisions/tests/ticket-priority.csv; this class checks what must hold for all.
 */
class TicketPriorityDecisionTest {

  /** The values the intake form offers; the table must list exactly these. */
  private static final List<String> IMPACTS = List.of("organisation", "department", "single-user");
  private static final List<String> URGENCIES = List.of("critical", "high", "medium", "low");
  private static final List<String> PRIORITIES = List.of("P1", "P2", "P3", "P4");

  private static DecisionTableHarness table;

  @BeforeAll
  static void parseTable() {
    table = DecisionTableHarness.load("ticket-priority");
  }

  @Test
  void everyImpactAndUrgencyMatchesExactlyOneRule_andEveryRuleIsReachable() {
    Set<String> reachedRules = new HashSet<>();
    SoftAssertions softly = new SoftAssertions();
    for (String impact : IMPACTS) {
      for (String urgency : URGENCIES) {
        Evaluation evaluation = evaluate(impact, urgency);
        softly.assertThat(evaluation.matchedRuleIds()).as("rules for %s impact, %s urgency", impact, urgency).hasSize(1);
        softly.assertThat(evaluation.outputs()).as("priority for %s impact, %s urgency", impact, urgency)
            .allSatisfy(output -> assertThat(output.get("priority")).isIn(PRIORITIES));
        reachedRules.addAll(evaluation.matchedRuleIds());
      }
    }
    softly.assertThat(reachedRules).as("rules reached by some impact and urgency")
        .containsExactlyInAnyOrderElementsOf(table.ruleIds());
    softly.assertAll();
  }

  @Test
  void tableListsTheImpactsUrgenciesAndPrioritiesTheFormsOffer() {
    assertThat(table.allowedInputValues("impact")).containsExactlyElementsOf(IMPACTS);
    assertThat(table.allowedInputValues("urgency")).containsExactlyElementsOf(URGENCIES);
    assertThat(table.allowedOutputValues("priority")).containsExactlyElementsOf(PRIORITIES);
  }

  @ParameterizedTest(name = "impact {0}, urgency {1} -> no priority")
  @CsvSource({
      "company,      critical",
      "organisation, blocker",
      "'',           critical",
      ",             low",
      "department,",
  })
  void unknownOrMissingValueMatchesNoRule(String impact, String urgency) {
    assertThat(evaluate(impact, urgency).outputs()).isEmpty();
  }

  private static Evaluation evaluate(String impact, String urgency) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("impact", impact);
    variables.put("urgency", urgency);
    return table.evaluate(variables);
  }
}
