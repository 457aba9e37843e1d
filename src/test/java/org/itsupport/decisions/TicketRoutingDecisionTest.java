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
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Table test for decisions/ticket-routing.dmn: the service type gives the specialist group. The expected group of each
 * service type is in the test sheet decisions/tests/ticket-routing.csv; this class checks what must hold for all.
 */
class TicketRoutingDecisionTest {

  /** The values the intake form offers; the table must list exactly these. */
  private static final List<String> SERVICE_TYPES =
      List.of("hardware", "software", "network", "account-access", "security", "consultation", "other");
  private static final List<String> SPECIALIST_GROUPS =
      List.of("hardware-support", "software-support", "network-support", "security-response");

  private static DecisionTableHarness table;

  @BeforeAll
  static void parseTable() {
    table = DecisionTableHarness.load("ticket-routing");
  }

  @Test
  void everyServiceTypeMatchesExactlyOneRule_andEveryRuleIsReachable() {
    Set<String> reachedRules = new HashSet<>();
    SoftAssertions softly = new SoftAssertions();
    for (String serviceType : SERVICE_TYPES) {
      Evaluation evaluation = evaluate(serviceType);
      softly.assertThat(evaluation.matchedRuleIds()).as("rules for %s", serviceType).hasSize(1);
      softly.assertThat(evaluation.outputs()).as("group for %s", serviceType)
          .allSatisfy(output -> assertThat(output.get("specialistGroup")).isIn(SPECIALIST_GROUPS));
      reachedRules.addAll(evaluation.matchedRuleIds());
    }
    softly.assertThat(reachedRules).as("rules reached by some service type")
        .containsExactlyInAnyOrderElementsOf(table.ruleIds());
    softly.assertAll();
  }

  @Test
  void tableListsTheServiceTypesTheFormOffersAndTheSpecialistGroups() {
    assertThat(table.allowedInputValues("serviceType")).containsExactlyElementsOf(SERVICE_TYPES);
    assertThat(table.allowedOutputValues("specialistGroup")).containsExactlyInAnyOrderElementsOf(SPECIALIST_GROUPS);
  }

  @ParameterizedTest(name = "service type {0} -> no group")
  @NullAndEmptySource
  @ValueSource(strings = {"printer", "Hardware", "custom-service"})
  void unknownOrMissingServiceTypeMatchesNoRule(String serviceType) {
    assertThat(evaluate(serviceType).outputs()).isEmpty();
  }

  private static Evaluation evaluate(String serviceType) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("serviceType", serviceType);
    return table.evaluate(variables);
  }
}
