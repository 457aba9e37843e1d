package org.itsupport.ticket;

/**
 * The one place that names the ticket's process variables. Form field keys, DMN input expressions
 * and DMN output names are exactly these names.
 */
public final class TicketVariables {

  private TicketVariables() {
  }

  // Intake: the start form "submit-ticket"
  public static final String REQUESTER_ID = "requesterId";
  public static final String REQUESTER_NAME = "requesterName";
  public static final String REQUESTER_DEPARTMENT = "requesterDepartment";
  public static final String REQUESTER_CONTACT = "requesterContact";
  public static final String CHANNEL = "channel";
  public static final String SERVICE_TYPE = "serviceType";
  public static final String TITLE = "title";
  public static final String DESCRIPTION = "description";
  public static final String ISSUE_STARTED_AT = "issueStartedAt";
  public static final String IMPACT = "impact";
  public static final String URGENCY = "urgency";
  public static final String AFFECTED_SYSTEM = "affectedSystem";
  public static final String ALREADY_TRIED = "alreadyTried";

  // Registration
  /** Set by the engine from the authenticated user who started the ticket (camunda:initiator). */
  public static final String INITIATOR_ID = "initiatorId";
  public static final String TICKET_NUMBER = "ticketNumber";
  public static final String SUBMITTED_AT = "submittedAt";
  public static final String REOPEN_COUNT = "reopenCount";

  // Priority and SLA (decisions ticket-priority and ticket-sla-targets)
  public static final String PRIORITY = "priority";
  public static final String RESPONSE_TARGET = "responseTarget";
  public static final String RESOLUTION_TARGET = "resolutionTarget";
  public static final String TASK_PRIORITY = "taskPriority";
  public static final String RESPONSE_DUE_AT = "responseDueAt";
  public static final String RESOLUTION_DUE_AT = "resolutionDueAt";
  /** The priority the current SLA deadlines were computed for; differs from priority after a correction. */
  public static final String SLA_PRIORITY = "slaPriority";
  public static final String PRIORITY_CORRECTED_FROM = "priorityCorrectedFrom";
  public static final String PRIORITY_CORRECTED_AT = "priorityCorrectedAt";
  public static final String PRIORITY_CORRECTION_REASON = "priorityCorrectionReason";
  public static final String FIRST_RESPONSE_AT = "firstResponseAt";

  // First line: form "diagnose-at-first-line"
  public static final String FIRST_LINE_OUTCOME = "firstLineOutcome";
  public static final String FIRST_LINE_NOTES = "firstLineNotes";
  /** The fix, written by whoever delivered it (first line or specialist). */
  public static final String RESOLUTION = "resolution";

  // Routing (decision ticket-routing)
  public static final String SPECIALIST_GROUP = "specialistGroup";

  // Specialist review and plan: form "review-and-diagnose"
  public static final String ROOT_CAUSE = "rootCause";
  public static final String PLAN_STEPS = "planSteps";
  public static final String RESOURCES_NEEDED = "resourcesNeeded";
  public static final String CHANGE_TYPE = "changeType";
  public static final String BACKUP_AVAILABLE = "backupAvailable";
  public static final String PLANNED_BY = "plannedBy";

  // Change risk (decision change-risk) and approval: form "approve-change"
  public static final String RISK_LEVEL = "riskLevel";
  public static final String APPROVAL_REQUIRED = "approvalRequired";
  public static final String APPROVER_GROUP = "approverGroup";
  public static final String APPROVAL_DECISION = "approvalDecision";
  public static final String REJECTION_REASON = "rejectionReason";

  // Execution: form "execute-change"
  public static final String EXECUTION_STEPS = "executionSteps";
  public static final String EXECUTION_OUTCOME = "executionOutcome";
  public static final String NEW_PROBLEM = "newProblem";
  public static final String RESOLVED_AT = "resolvedAt";

  // Verification: form "verify-resolution"
  public static final String VERIFICATION_RESULT = "verificationResult";
  public static final String VERIFICATION_FEEDBACK = "verificationFeedback";
  public static final String REOPENED_AT = "reopenedAt";

  // Survey: form "rate-service"; follow-up: form "follow-up-low-rating"
  public static final String SURVEY_SKIPPED = "surveySkipped";
  public static final String SCORE_RESPONSE_SPEED = "scoreResponseSpeed";
  public static final String SCORE_EFFICIENCY = "scoreEfficiency";
  public static final String SCORE_ATTITUDE = "scoreAttitude";
  public static final String SCORE_EXPERTISE = "scoreExpertise";
  public static final String SURVEY_COMMENT = "surveyComment";
  public static final String FOLLOW_UP_NOTES = "followUpNotes";

  // SLA breaches (decision sla-escalation) and form "review-sla-breach"
  public static final String SLA_TYPE = "slaType";
  public static final String ESCALATION_LEVEL = "escalationLevel";
  public static final String ESCALATION_GROUP = "escalationGroup";
  public static final String RESPONSE_SLA_BREACHED = "responseSlaBreached";
  public static final String RESPONSE_BREACHED_AT = "responseBreachedAt";
  public static final String RESPONSE_ESCALATION_GROUP = "responseEscalationGroup";
  public static final String RESOLUTION_SLA_BREACHED = "resolutionSlaBreached";
  public static final String RESOLUTION_BREACHED_AT = "resolutionBreachedAt";
  public static final String RESOLUTION_ESCALATION_GROUP = "resolutionEscalationGroup";
  public static final String ESCALATION_ACTION = "escalationAction";

  // Close
  public static final String CLOSED_AT = "closedAt";
  public static final String RESPONSE_SLA_MET = "responseSlaMet";
  public static final String RESOLUTION_SLA_MET = "resolutionSlaMet";
}
