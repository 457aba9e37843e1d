package org.itsupport.ticket;

import static org.itsupport.model.TicketVariables.*;

import java.util.HashMap;
import java.util.Map;

/**
 * What each step of a ticket submits, as the people in it would fill in their forms: one set of answers for the
 * process tests, the auditors' fixture and the benchmark, so the three walk the same ticket.
 */
public final class TicketForms {

  private TicketForms() {
  }

  /** Diagnose at first line: escalated to the specialists. */
  public static Map<String, Object> escalation() {
    return Map.of(FIRST_LINE_NOTES, "Checked the knowledge base", FIRST_LINE_OUTCOME, "escalate");
  }

  /** Diagnose at first line: fixed on the spot. */
  public static Map<String, Object> solvedAtFirstLine() {
    return Map.of(FIRST_LINE_NOTES, "Knowledge base KB-12: locked account", FIRST_LINE_OUTCOME, "solved",
        RESOLUTION, "Reset the password and unlocked the account");
  }

  /** Diagnose at first line: a question for the requester first. */
  public static Map<String, Object> question(String question) {
    return Map.of(FIRST_LINE_NOTES, "Not enough to go on", FIRST_LINE_OUTCOME, "ask-requester",
        QUESTION_FOR_REQUESTER, question);
  }

  /** Review and diagnose: a plan of the change type, keeping the priority. */
  public static Map<String, Object> plan(String priority, String steps, String changeType, boolean backupAvailable) {
    Map<String, Object> plan = new HashMap<>();
    plan.put(REVIEW_OUTCOME, "plan");
    plan.put(PRIORITY, priority);
    plan.put(ROOT_CAUSE, "Corrupted system image");
    plan.put(PLAN_STEPS, steps);
    plan.put(CHANGE_TYPE, changeType);
    plan.put(BACKUP_AVAILABLE, backupAvailable);
    return plan;
  }

  public static Map<String, Object> plan(String priority, String changeType, boolean backupAvailable) {
    return plan(priority, "Back up, reinstall, restore the profile", changeType, backupAvailable);
  }

  /** Approve change: "approve", or "reject" with its reason. */
  public static Map<String, Object> approval(String decision, String reason) {
    Map<String, Object> approval = new HashMap<>();
    approval.put(APPROVAL_DECISION, decision);
    approval.put(REJECTION_REASON, reason);
    return approval;
  }

  /** Execute change: fixed. */
  public static Map<String, Object> fix() {
    return Map.of(EXECUTION_STEPS, "Followed the plan; the user confirmed each step", EXECUTION_OUTCOME, "fixed",
        RESOLUTION, "Reinstalled and restored the profile");
  }

  /** Verify resolution: the requester confirms. */
  public static Map<String, Object> confirmation() {
    return Map.of(VERIFICATION_RESULT, "confirmed");
  }

  /** Rate the service: four scores from 1 to 5. */
  public static Map<String, Object> rating(int speed, int efficiency, int attitude, int expertise) {
    return Map.of(SURVEY_SKIPPED, false, SCORE_RESPONSE_SPEED, speed, SCORE_EFFICIENCY, efficiency,
        SCORE_ATTITUDE, attitude, SCORE_EXPERTISE, expertise);
  }
}
