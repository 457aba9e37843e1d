package org.itsupport.ticket;

import org.itsupport.model.TicketProcess;
import org.itsupport.shared.EngineClock;
import static org.itsupport.model.TicketVariables.*;

import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** The rules of every ticket form, by the start event or the user task that shows it. */
public final class TicketInputRules {

  private TicketInputRules() {
  }

  /** What a ticket may be opened with: the fields of the start form, and the monitoring alert key. */
  public static final Set<String> INTAKE_FIELDS = Set.of(REQUESTER_ID, REQUESTER_NAME, REQUESTER_DEPARTMENT,
      REQUESTER_CONTACT, CHANNEL, SERVICE_TYPE, TITLE, DESCRIPTION, ISSUE_STARTED_AT, IMPACT, URGENCY, AFFECTED_SYSTEM,
      ALREADY_TRIED, ALERT_KEY);

  /** A problem for each name that is not one of the intake's fields. */
  public static List<InputRules.Problem> unknownIntakeFields(Collection<String> names) {
    return names.stream().filter(name -> !INTAKE_FIELDS.contains(name)).sorted()
        .map(name -> new InputRules.Problem(name, "is not a field of a ticket")).toList();
  }

  /** Start form "submit-ticket". */
  public static final InputRules INTAKE = InputRules.builder()
      .text(REQUESTER_ID, REQUESTER_NAME, REQUESTER_DEPARTMENT, REQUESTER_CONTACT, CHANNEL, SERVICE_TYPE, TITLE,
          DESCRIPTION, ISSUE_STARTED_AT, IMPACT, URGENCY, AFFECTED_SYSTEM, ALREADY_TRIED, ALERT_KEY)
      .required(REQUESTER_NAME, REQUESTER_DEPARTMENT, REQUESTER_CONTACT, TITLE, DESCRIPTION, AFFECTED_SYSTEM)
      .maxLength(TITLE, 120)
      .maxLength(REQUESTER_ID, 64)
      .maxLength(REQUESTER_NAME, 120)
      .maxLength(REQUESTER_DEPARTMENT, 120)
      .maxLength(REQUESTER_CONTACT, 200)
      .maxLength(AFFECTED_SYSTEM, 200)
      .maxLength(ALERT_KEY, 200)
      // a String variable holds at most 4000 characters
      .maxLength(DESCRIPTION, 4000)
      .maxLength(ALREADY_TRIED, 4000)
      // without an offset a date and time counts as UTC
      .pastDateTime(ISSUE_STARTED_AT, ZoneOffset.UTC, EngineClock::now)
      .oneOf(CHANNEL, "portal", "email", "phone", "chat", "on-site", "monitoring")
      .oneOf(SERVICE_TYPE, "hardware", "software", "network", "account-access", "security", "consultation", "other")
      .oneOf(IMPACT, "organisation", "department", "single-user")
      .oneOf(URGENCY, "critical", "high", "medium", "low")
      .build();

  private static final String ASK_REQUESTER = "ask-requester";

  private static final Predicate<InputRules.Values> SKIPPED =
      values -> Boolean.TRUE.equals(values.apply(SURVEY_SKIPPED));

  /** User task forms, by task definition key. */
  public static final Map<String, InputRules> BY_TASK = Map.ofEntries(
      Map.entry(TicketProcess.SET_PRIORITY, InputRules.builder()
          .oneOf(PRIORITY, "P1", "P2", "P3", "P4")
          .required(PRIORITY_CORRECTION_REASON)
          .build()),
      Map.entry(TicketProcess.DIAGNOSE_AT_FIRST_LINE, InputRules.builder()
          .required(FIRST_LINE_NOTES)
          .oneOf(FIRST_LINE_OUTCOME, "solved", "escalate", ASK_REQUESTER)
          .requiredWhen(RESOLUTION, FIRST_LINE_OUTCOME, "solved") // filled from the article, when one solved it
          .requiredWhen(QUESTION_FOR_REQUESTER, FIRST_LINE_OUTCOME, ASK_REQUESTER)
          .rule(SOLVED_WITH_ARTICLE, values -> values.apply(SOLVED_WITH_ARTICLE) instanceof String article
              && values.apply(SOLVED_WITH_ARTICLE_VERSION) == null
              ? Optional.of(InputRules.quoted(article) + " is not a published article") : Optional.empty())
          .build()),
      Map.entry(TicketProcess.REVIEW_AND_DIAGNOSE, InputRules.builder()
          .oneOf(PRIORITY, "P1", "P2", "P3", "P4")
          .requiredWhen(PRIORITY_CORRECTION_REASON,
              values -> !Objects.equals(values.apply(PRIORITY), values.apply(SLA_PRIORITY)),
              "the priority changes")
          .oneOf(REVIEW_OUTCOME, "plan", ASK_REQUESTER)
          .requiredWhen(QUESTION_FOR_REQUESTER, REVIEW_OUTCOME, ASK_REQUESTER)
          .when(values -> "plan".equals(values.apply(REVIEW_OUTCOME)), plan -> plan
              .required(ROOT_CAUSE, PLAN_STEPS)
              .oneOf(CHANGE_TYPE, "routine-fix", "software-install", "hardware-replacement", "configuration-change",
                  "core-configuration-change", "system-reinstall", "data-migration")
              .yesOrNo(BACKUP_AVAILABLE))
          .build()),
      Map.entry(TicketProcess.APPROVE_CHANGE, InputRules.builder()
          .oneOf(APPROVAL_DECISION, "approve", "reject")
          .requiredWhen(REJECTION_REASON, APPROVAL_DECISION, "reject")
          .build()),
      Map.entry(TicketProcess.EXECUTE_CHANGE, InputRules.builder()
          .required(EXECUTION_STEPS)
          .oneOf(EXECUTION_OUTCOME, "fixed", "new-problem")
          .requiredWhen(RESOLUTION, EXECUTION_OUTCOME, "fixed")
          .requiredWhen(NEW_PROBLEM, EXECUTION_OUTCOME, "new-problem")
          .build()),
      Map.entry(TicketProcess.VERIFY_RESOLUTION, InputRules.builder()
          .oneOf(VERIFICATION_RESULT, "confirmed", "not-fixed")
          .requiredWhen(VERIFICATION_FEEDBACK, VERIFICATION_RESULT, "not-fixed")
          .build()),
      Map.entry(TicketProcess.RATE_SERVICE, InputRules.builder()
          .yesOrNo(SURVEY_SKIPPED)
          .wholeNumberBetween(SCORE_RESPONSE_SPEED, 1, 5, SKIPPED)
          .wholeNumberBetween(SCORE_EFFICIENCY, 1, 5, SKIPPED)
          .wholeNumberBetween(SCORE_ATTITUDE, 1, 5, SKIPPED)
          .wholeNumberBetween(SCORE_EXPERTISE, 1, 5, SKIPPED)
          .build()),
      Map.entry(TicketProcess.FOLLOW_UP_LOW_RATING, InputRules.builder().required(FOLLOW_UP_NOTES).build()),
      Map.entry(TicketProcess.ACT_ON_RESPONSE_ESCALATION, InputRules.builder().required(ESCALATION_ACTION).build()),
      Map.entry(TicketProcess.ACT_ON_RESOLUTION_ESCALATION, InputRules.builder().required(ESCALATION_ACTION).build()),
      Map.entry(TicketProcess.ANSWER_QUESTION, InputRules.builder().required(REQUESTER_ANSWER).build()));
}
