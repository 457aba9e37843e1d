package org.itsupport.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every decision table passes the test sheet its process owner keeps beside it in decisions/tests/. */
class DecisionSheetsTest {

  static final DmnEngine DMN = DecisionEngines.standalone();

  static Stream<String> decisionIds() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("decisions"))) {
      return files.map(Path::getFileName).map(Path::toString).filter(name -> name.endsWith(".dmn"))
          .map(name -> name.substring(0, name.length() - ".dmn".length())).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decisionIds")
  void theTablePassesItsTestSheet(String decisionId) throws IOException {
    Path sheet = Path.of("decisions", "tests", decisionId + ".csv");
    assertThat(sheet).as("every decision has a test sheet").exists();

    List<String> failures = check(decisionId, Files.readString(sheet));

    assertThat(failures).as("rows of %s that the table does not satisfy", sheet).isEmpty();
  }

  @Test
  void aWrongRowIsReportedTheWayItsAuthorReadsIt() throws IOException {
    String sheet = """
        impact,urgency,priority,note
        organisation,critical,P1,the whole company stands still
        department,high,P3,deliberately wrong: the table says P2
        single-user,low,P4
        """;

    assertThat(check("ticket-priority", sheet))
        .containsExactly("row 3: impact=department, urgency=high → expected priority=P3, got priority=P2");
  }

  @Test
  void aSheetSavedByASpreadsheetIsReadAsItsAuthorSeesIt() throws IOException {
    // byte-order mark, semicolons, a quoted note over two lines, an emptied row: row numbers stay the sheet's
    String sheet = "\uFEFFimpact;urgency;priority;note\r\n"
        + "organisation;critical;P1;\"stands still;\r\nall of it\"\r\n"
        + ";;;\r\n"
        + "department;high;P3;wrong\r\n";

    assertThat(check("ticket-priority", sheet))
        .containsExactly("row 4: impact=department, urgency=high → expected priority=P3, got priority=P2");
  }

  @Test
  void aSheetWithoutRowsChecksNothingAndSaysSo() throws IOException {
    assertThat(check("ticket-priority", "impact,urgency,priority\n"))
        .containsExactly("ticket-priority.csv has no rows to check");
  }

  @Test
  void aSheetThatLacksAColumnOrNamesAnUnknownOneIsReported() throws IOException {
    assertThat(check("ticket-priority", "impact,urgencyy,priority\norganisation,critical,P1\n")).containsExactly(
        "ticket-priority.csv header: no column for 'urgency'",
        "ticket-priority.csv header: 'urgencyy' is neither an input nor an output of ticket-priority");
  }

  @Test
  void noRuleAndEmptyOutputsAreExpectationsToo() throws IOException {
    String sheet = """
        changeType,backupAvailable,riskLevel,approvalRequired,approverGroup
        routine-fix,false,low,false,
        teleportation,true,no rule,,
        routine-fix,true,no rule,,
        """;

    assertThat(check("change-risk", sheet)).containsExactly(
        "row 4: changeType=routine-fix, backupAvailable=true → expected no rule, got riskLevel=low, "
            + "approvalRequired=false, approverGroup=(empty)");
  }

  static List<String> check(String decisionId, String sheet) throws IOException {
    DmnModelInstance model = Dmn.readModelFromFile(Path.of("decisions", decisionId + ".dmn").toFile());
    DmnDecision decision = DMN.parseDecision(decisionId, model);
    DecisionTable table = (DecisionTable) model.getModelElementById(decisionId).getUniqueChildElementByType(
        DecisionTable.class);
    return DecisionSheet.parse(decisionId + ".csv", sheet).check(DMN, decision, table);
  }
}
