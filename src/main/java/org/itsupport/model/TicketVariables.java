package org.itsupport.model;

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
  /** A monitoring system's key for an alert: a repeated alert while its ticket is open returns that ticket. */
  public static final String ALERT_KEY = "alertKey";

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
  /** "24x7" or "business-hours": the clock the priority's targets run on. */
  public static final String SLA_CLOCK = "slaClock";
  /** How long after a question the requester is reminded, and when the wait ends (ISO-8601, SLA clock). */
  public static final String ANSWER_REMINDER = "answerReminder";
  public static final String ANSWER_DEADLINE = "answerDeadline";
  /** When an SLA is at risk, and when it is escalated after the breach: percent of its target's clock time. */
  public static final String AT_RISK_PERCENT = "atRiskPercent";
  public static final String ESCALATED_PERCENT = "escalatedPercent";
  /** The requester's waits for a delivered fix and the survey: reminded after, and ended after (ISO-8601, working time). */
  public static final String VERIFICATION_REMINDER = "verificationReminder";
  public static final String VERIFICATION_DEADLINE = "verificationDeadline";
  public static final String SURVEY_REMINDER = "surveyReminder";
  public static final String SURVEY_DEADLINE = "surveyDeadline";
  /** How often (working time, ISO-8601) the requester hears where their ticket stands while it is resolved. */
  public static final String PROGRESS_UPDATE_EVERY = "progressUpdateEvery";
  public static final String RESPONSE_DUE_AT = "responseDueAt";
  public static final String RESOLUTION_DUE_AT = "resolutionDueAt";
  /** The priority the current SLA deadlines were computed for; differs from priority after a correction. */
  public static final String SLA_PRIORITY = "slaPriority";
  public static final String PRIORITY_CORRECTED_FROM = "priorityCorrectedFrom";
  public static final String PRIORITY_CORRECTED_AT = "priorityCorrectedAt";
  public static final String PRIORITY_CORRECTION_REASON = "priorityCorrectionReason";
  public static final String FIRST_RESPONSE_AT = "firstResponseAt";
  /** True while the ticket waits for the requester: both SLA clocks stand still. */
  public static final String SLA_PAUSED = "slaPaused";
  /** SLA clock minutes left when last computed; what the forms show while the clocks stand still. */
  public static final String RESPONSE_MINUTES_LEFT = "responseMinutesLeft";
  public static final String RESOLUTION_MINUTES_LEFT = "resolutionMinutesLeft";
  /** Json list: every time the clocks stood still, with kind, reason, from, to and who. */
  public static final String SLA_PAUSES = "slaPauses";

  // Waiting for the requester: asked from "diagnose-at-first-line" or "review-and-diagnose", answered in "answer-question"
  public static final String QUESTION_FOR_REQUESTER = "questionForRequester";
  /** "first-line" or "specialist": where the ticket returns once answered. */
  public static final String QUESTION_ASKED_FROM = "questionAskedFrom";
  public static final String QUESTION_ASKED_AT = "questionAskedAt";
  public static final String ANSWER_REMINDER_AT = "answerReminderAt";
  public static final String ANSWER_DEADLINE_AT = "answerDeadlineAt";
  public static final String REQUESTER_ANSWER = "requesterAnswer";
  /** "answered" or "no-answer" (the wait ended at its deadline). */
  public static final String ANSWER_OUTCOME = "answerOutcome";

  // First line: form "diagnose-at-first-line"
  public static final String FIRST_LINE_OUTCOME = "firstLineOutcome";
  public static final String FIRST_LINE_NOTES = "firstLineNotes";
  /** Who completed the first-line diagnosis. */
  public static final String FIRST_LINE_AGENT = "firstLineAgent";
  /** The fix, written by whoever delivered it (first line or specialist). */
  public static final String RESOLUTION = "resolution";
  /** The knowledge base at first line: the published articles that best match the ticket, shown on the task. */
  public static final String KNOWLEDGE_SUGGESTIONS = "knowledgeSuggestions";
  /** The same articles as the options of "Solved with article". */
  public static final String KNOWLEDGE_ARTICLE_OPTIONS = "knowledgeArticleOptions";
  /** The article first line solved the ticket with, and its version then. */
  public static final String SOLVED_WITH_ARTICLE = "solvedWithArticle";
  public static final String SOLVED_WITH_ARTICLE_VERSION = "solvedWithArticleVersion";
  /** On *Execute change*: the specialist proposes a knowledge article from the fix. */
  public static final String PROPOSE_ARTICLE = "proposeArticle";
  /** The problem investigation the ticket is linked to, and its workaround once found (shown at first line). */
  public static final String PROBLEM_ID = "problemId";
  public static final String PROBLEM_WORKAROUND = "problemWorkaround";

  // Routing (decision ticket-routing)
  public static final String SPECIALIST_GROUP = "specialistGroup";

  // Specialist review and plan: form "review-and-diagnose"
  /** "plan" or "ask-requester". */
  public static final String REVIEW_OUTCOME = "reviewOutcome";
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
  /** Decision rating-follow-up: whether a service manager calls the requester about the rating. */
  public static final String FOLLOW_UP_REQUIRED = "followUpRequired";

  // Escalation: the SLA timers' rungs (decision sla-escalation) and form "act-on-escalation"
  /** The SLA a timer that fired guards: "response" or "resolution"; and its rung: "at risk", "breached", "escalated". */
  public static final String SLA_TYPE = "slaType";
  public static final String ESCALATION_RUNG = "escalationRung";
  /** The rung's number (1, 2, 3) and its share of the SLA target, as the escalation task and record show them. */
  public static final String ESCALATION_LEVEL = "escalationLevel";
  public static final String THRESHOLD_PERCENT = "thresholdPercent";
  // decision outputs
  public static final String ESCALATION_GROUP = "escalationGroup";
  /** Comma-separated: "requester" and/or Camunda group ids. */
  public static final String NOTIFY = "notify";
  public static final String RAISE_PRIORITY = "raisePriority";
  /** When the escalation task is due: the SLA deadline if still ahead, else now. */
  public static final String ESCALATION_DUE_AT = "escalationDueAt";
  /** Json list: every rung that fired, with time, decision output and later the action taken. */
  public static final String SLA_ESCALATIONS = "slaEscalations";
  public static final String HIGHEST_ESCALATION_LEVEL = "highestEscalationLevel";
  public static final String RESPONSE_SLA_BREACHED = "responseSlaBreached";
  public static final String RESPONSE_BREACHED_AT = "responseBreachedAt";
  public static final String RESOLUTION_SLA_BREACHED = "resolutionSlaBreached";
  public static final String RESOLUTION_BREACHED_AT = "resolutionBreachedAt";
  public static final String ESCALATION_ACTION = "escalationAction";

  // Task cards: task-local copies Tasklist shows on each task, readable by whoever may see the task
  public static final String CARD_TICKET_NUMBER = "cardTicketNumber";
  public static final String CARD_PRIORITY = "cardPriority";
  public static final String CARD_TITLE = "cardTitle";

  // Close
  public static final String CLOSED_AT = "closedAt";
  public static final String RESPONSE_SLA_MET = "responseSlaMet";
  public static final String RESOLUTION_SLA_MET = "resolutionSlaMet";
  public static final String BUSINESS_MINUTES_TO_FIRST_RESPONSE = "businessMinutesToFirstResponse";
  public static final String BUSINESS_MINUTES_TO_RESOLUTION = "businessMinutesToResolution";
  public static final String TOTAL_PAUSED_MINUTES = "totalPausedMinutes";
  /** "confirmed" (the requester confirmed the fix) or "no-reply" (the wait for it ended). */
  public static final String CLOSURE_REASON = "closureReason";
  /** "rated", "skipped", "no-reply" (the survey's wait ended) or "not-asked" (closed without confirmation). */
  public static final String SURVEY_OUTCOME = "surveyOutcome";
}
