package org.itsupport.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the guard at the door says about a table a process owner deploys. */
class DecisionTableGuardTest {

  final DecisionTableGuard guard = new DecisionTableGuard();

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.itsupport.decisions.DecisionSheetsTest#decisionIds")
  void theTablesInTheRepositoryPassWithTheirSheets(String decisionId) throws IOException {
    assertThat(guard.check(decisionId + ".dmn", table(decisionId).getBytes(StandardCharsets.UTF_8),
        Map.of(decisionId, Files.readString(Path.of("decisions", "tests", decisionId + ".csv"))))).isEmpty();
  }

  @Test
  void aTableWithAGapIsRefusedNamingTheCombination() throws IOException {
    String gap = table("ticket-priority").replace("<text>\"low\"</text>", "<text>\"medium\"</text>");

    assertThat(guard.check("ticket-priority.dmn", gap.getBytes(StandardCharsets.UTF_8), Map.of()))
        .contains("ticket-priority.dmn (ticket-priority): no rule for impact=organisation, urgency=low");
  }

  @Test
  void aTableThatNoLongerFitsTheProcessIsRefused() throws IOException {
    String renamed = table("ticket-sla-targets")
        .replace("<text>priority</text>", "<text>ticketPriority</text>")
        .replace("name=\"taskPriority\" typeRef=\"integer\"", "name=\"taskPriority\" typeRef=\"string\"");

    assertThat(guard.check("ticket-sla-targets.dmn", renamed.getBytes(StandardCharsets.UTF_8), Map.of()))
        .containsExactly(
            "ticket-sla-targets.dmn (ticket-sla-targets): input 'priority' (string) is missing",
            "ticket-sla-targets.dmn (ticket-sla-targets): input 'ticketPriority' is not given by the process (it gives "
                + "priority)",
            "ticket-sla-targets.dmn (ticket-sla-targets): output 'taskPriority' must be of type integer, not string");
  }

  @Test
  void aTableTheProcessDoesNotUseIsRefused() throws IOException {
    String other = table("ticket-routing").replace("id=\"ticket-routing\"", "id=\"ticket-routeing\"");

    assertThat(guard.check("routing.dmn", other.getBytes(StandardCharsets.UTF_8), Map.of())).singleElement()
        .asString().startsWith("routing.dmn (ticket-routeing): the ticket process uses no decision 'ticket-routeing'");
  }

  @Test
  void aTableThatWouldLoseItsHistoryBeforeTwoYearsIsRefused() throws IOException {
    String shortLived = table("ticket-routing").replace("camunda:historyTimeToLive=\"731\"",
        "camunda:historyTimeToLive=\"30\"");

    assertThat(guard.check("ticket-routing.dmn", shortLived.getBytes(StandardCharsets.UTF_8), Map.of()))
        .containsExactly("ticket-routing.dmn (ticket-routing): history time to live is 30 days; the standard keeps "
            + "ticket records at least two years (731 days)");
    assertThat(DecisionTableGuard.retentionProblem("P731D")).isEmpty();
    assertThat(DecisionTableGuard.retentionProblem(null)).as("the engine's default applies").isEmpty();
  }

  @Test
  void aFileThatDoesNotParseIsRefused() {
    assertThat(guard.check("ticket-priority.dmn", "<definitions>".getBytes(StandardCharsets.UTF_8), Map.of()))
        .singleElement().asString().startsWith("ticket-priority.dmn does not parse: ");
  }

  @Test
  void aTableThatFailsTheSheetDeployedWithItIsRefused() throws IOException {
    String sheet = "impact,urgency,priority\ndepartment,high,P1\n";

    assertThat(guard.check("ticket-priority.dmn", table("ticket-priority").getBytes(StandardCharsets.UTF_8),
        Map.of("ticket-priority", sheet))).containsExactly("ticket-priority.dmn (ticket-priority): test sheet row 2: "
            + "impact=department, urgency=high → expected priority=P1, got priority=P2");
  }

  private static String table(String decisionId) throws IOException {
    return Files.readString(Path.of("decisions", decisionId + ".dmn"));
  }
}
