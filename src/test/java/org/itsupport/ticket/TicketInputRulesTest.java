package org.itsupport.ticket;

import org.itsupport.model.TicketProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.itsupport.model.TicketVariables.*;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TicketInputRulesTest {

  @Test
  void aCompleteIntakePasses() {
    assertThatCode(() -> TicketInputRules.INTAKE.check(SampleIntake.intake()::get)).doesNotThrowAnyException();
  }

  @Test
  void everyProblemOfAnIntakeIsNamedByItsField() {
    Map<String, Object> intake = SampleIntake.intake();
    intake.remove(REQUESTER_NAME);
    intake.put(DESCRIPTION, "   ");
    intake.put(TITLE, "x".repeat(121));
    intake.put(SERVICE_TYPE, "printers");

    InvalidInputException refused =
        catchThrowableOfType(InvalidInputException.class, () -> TicketInputRules.INTAKE.check(intake::get));

    assertThat(refused.problems()).containsExactly(
        "requesterName: is required",
        "description: is required",
        "title: is 121 characters long, at most 120 are allowed",
        "serviceType: 'printers' is not one of hardware, software, network, account-access, security, "
            + "consultation, other");
  }

  @Test
  void aFieldRequiredInOneCaseIsRequiredOnlyThen() {
    InputRules firstLine = TicketInputRules.BY_TASK.get(TicketProcess.DIAGNOSE_AT_FIRST_LINE);
    Map<String, Object> escalated = Map.of(FIRST_LINE_NOTES, "Checked KB-7", FIRST_LINE_OUTCOME, "escalate");
    assertThatCode(() -> firstLine.check(escalated::get)).doesNotThrowAnyException();

    Map<String, Object> solved = Map.of(FIRST_LINE_NOTES, "Checked KB-7", FIRST_LINE_OUTCOME, "solved");
    assertThat(catchThrowableOfType(InvalidInputException.class, () -> firstLine.check(solved::get)).problems())
        .containsExactly("resolution: is required when firstLineOutcome is 'solved'");
  }

  @Test
  void surveyScoresAreWholeNumbersFromOneToFiveUnlessSkipped() {
    InputRules survey = TicketInputRules.BY_TASK.get(TicketProcess.RATE_SERVICE);
    Map<String, Object> rating = new HashMap<>(Map.of(SURVEY_SKIPPED, false, SCORE_RESPONSE_SPEED, 5,
        SCORE_EFFICIENCY, 4L, SCORE_ATTITUDE, 3.0, SCORE_EXPERTISE, 6));
    assertThat(catchThrowableOfType(InvalidInputException.class, () -> survey.check(rating::get)).problems())
        .containsExactly("scoreExpertise: must be a whole number from 1 to 5");

    Map<String, Object> skipped = Map.of(SURVEY_SKIPPED, true);
    assertThatCode(() -> survey.check(skipped::get)).doesNotThrowAnyException();
  }
}
