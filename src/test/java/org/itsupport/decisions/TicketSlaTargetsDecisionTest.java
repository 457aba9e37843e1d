package org.itsupport.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.itsupport.decisions.DecisionTableHarness.Evaluation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Table test for decisions/ticket-sla-targets.dmn: the priority gives the response and resolution targets, the clock
 * they run on, when a requester is reminded of an open question and when the wait for the answer ends. The expected
 * targets of each priority are in the test sheet decisions/tests/ticket-sla-targets.csv; this class checks what must
 * hold for every priority.
 */
class TicketSlaTargetsDecisionTest {

  /** Most urgent first. */
  private static final List<String> PRIORITIES = List.of("P1", "P2", "P3", "P4");
  /** Least demanding last: a more urgent priority never runs on a later clock than a less urgent one. */
  private static final List<String> SLA_CLOCKS = List.of("24x7", "business-hours");
  private static final List<String> DURATION_OUTPUTS =
      List.of("responseTarget", "resolutionTarget", "answerReminder", "answerDeadline");

  /** ISO-8601 days and time only: a month, a year or a week has no fixed length in working time. */
  private static final Pattern DAY_TIME_DURATION =
      Pattern.compile("^P(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?)?$");
  private static final Duration DAY_24X7 = Duration.ofHours(24);
  /** One working day of the business calendar's default working hours. */
  private static final Duration DAY_BUSINESS_HOURS = Duration.ofHours(8).plusMinutes(30);

  private static DecisionTableHarness table;

  @BeforeAll
  static void parseTable() {
    table = DecisionTableHarness.load("ticket-sla-targets");
  }

  @Test
  void everyPriorityMatchesExactlyOneRule_withDayTimeDurationsOnAKnownClock_andEveryRuleIsReachable() {
    Set<String> reachedRules = new HashSet<>();
    SoftAssertions softly = new SoftAssertions();
    for (String priority : PRIORITIES) {
      Evaluation evaluation = evaluate(priority);
      softly.assertThat(evaluation.matchedRuleIds()).as("rules for %s", priority).hasSize(1);
      for (Map<String, Object> output : evaluation.outputs()) {
        softly.assertThat(output.get("slaClock")).as("clock of %s", priority).isIn(SLA_CLOCKS);
        softly.assertThat(output.get("taskPriority")).as("task priority of %s", priority).isInstanceOf(Integer.class);
        for (String name : DURATION_OUTPUTS) {
          softly.assertThat(output.get(name)).as("%s of %s", name, priority)
              .isInstanceOfSatisfying(String.class, text -> assertThat(text)
                  .matches(DAY_TIME_DURATION)
                  .satisfies(duration -> assertThat(clockTime(duration, "24x7")).isPositive()));
        }
      }
      reachedRules.addAll(evaluation.matchedRuleIds());
    }
    softly.assertThat(reachedRules).as("rules reached by some priority")
        .containsExactlyInAnyOrderElementsOf(table.ruleIds());
    softly.assertAll();
  }

  @Test
  void everyPriorityRespondsBeforeItResolves_andRemindsBeforeTheWaitEnds_onItsOwnClock() {
    SoftAssertions softly = new SoftAssertions();
    for (String priority : PRIORITIES) {
      Map<String, Object> output = evaluate(priority).singleOutput();
      softly.assertThat(clockTime(output, "responseTarget")).as("response vs resolution target of %s", priority)
          .isLessThan(clockTime(output, "resolutionTarget"));
      softly.assertThat(clockTime(output, "answerReminder")).as("answer reminder vs deadline of %s", priority)
          .isLessThan(clockTime(output, "answerDeadline"));
    }
    softly.assertAll();
  }

  @Test
  void moreUrgentPriorityNeverGetsASlowerClockLongerTargetsOrALowerTaskPriority() {
    SoftAssertions softly = new SoftAssertions();
    for (int i = 1; i < PRIORITIES.size(); i++) {
      Map<String, Object> moreUrgent = evaluate(PRIORITIES.get(i - 1)).singleOutput();
      Map<String, Object> lessUrgent = evaluate(PRIORITIES.get(i)).singleOutput();
      String pair = PRIORITIES.get(i - 1) + " vs " + PRIORITIES.get(i);

      // with the clocks in this order, less clock time on the more urgent ticket also means less time on the wall
      softly.assertThat(SLA_CLOCKS.indexOf(moreUrgent.get("slaClock"))).as("clock, %s", pair)
          .isLessThanOrEqualTo(SLA_CLOCKS.indexOf(lessUrgent.get("slaClock")));
      for (String name : DURATION_OUTPUTS) {
        softly.assertThat(clockTime(moreUrgent, name)).as("%s, %s", name, pair)
            .isLessThanOrEqualTo(clockTime(lessUrgent, name));
      }
      softly.assertThat((Integer) moreUrgent.get("taskPriority")).as("task priority, %s", pair)
          .isGreaterThan((Integer) lessUrgent.get("taskPriority"));
    }
    softly.assertAll();
  }

  @Test
  void tableListsThePrioritiesTheTicketPriorityTableGives_andTheClocks() {
    assertThat(table.allowedInputValues("priority")).containsExactlyElementsOf(PRIORITIES);
    assertThat(table.allowedOutputValues("slaClock")).containsExactlyElementsOf(SLA_CLOCKS);
  }

  @ParameterizedTest(name = "priority {0} -> no targets")
  @NullAndEmptySource
  @ValueSource(strings = {"P0", "P5", "p1"})
  void unknownOrMissingPriorityMatchesNoRule(String priority) {
    assertThat(evaluate(priority).outputs()).isEmpty();
  }

  private static Evaluation evaluate(String priority) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("priority", priority);
    return table.evaluate(variables);
  }

  /** An output duration as time on the output's own clock, so P3D and PT8H compare the way the SLA counts them. */
  private static Duration clockTime(Map<String, Object> output, String name) {
    return clockTime((String) output.get(name), (String) output.get("slaClock"));
  }

  /**
   * Days and time parsed separately, since java.time.Duration would read a day as 24 hours: a day is 24 hours on
   * the 24x7 clock and one working day on business hours, where an hour is a working hour.
   */
  private static Duration clockTime(String isoDuration, String slaClock) {
    Matcher parts = DAY_TIME_DURATION.matcher(isoDuration);
    if (!parts.matches()) {
      throw new AssertionError(isoDuration + " is not an ISO-8601 duration of days and time");
    }
    Duration day = switch (slaClock) {
      case "24x7" -> DAY_24X7;
      case "business-hours" -> DAY_BUSINESS_HOURS;
      default -> throw new AssertionError("unknown SLA clock " + slaClock);
    };
    return day.multipliedBy(number(parts.group(1)))
        .plusHours(number(parts.group(2)))
        .plusMinutes(number(parts.group(3)))
        .plusSeconds(number(parts.group(4)));
  }

  private static long number(String digits) {
    return digits == null ? 0 : Long.parseLong(digits);
  }
}
