package org.itsupport.model;

import java.util.Set;

/** Ids in processes/it-support-ticket.bpmn (and the question it calls) that code, filters and tests refer to. */
public final class TicketProcess {

  private TicketProcess() {
  }

  public static final String KEY = "it-support-ticket";

  /** The service desk sets the priority by hand when the priority table has no rule for the ticket. */
  public static final String SET_PRIORITY = "Task_SetPriority";
  public static final String DIAGNOSE_AT_FIRST_LINE = "Task_DiagnoseAtFirstLine";
  public static final String REVIEW_AND_DIAGNOSE = "Task_ReviewAndDiagnose";
  public static final String APPROVE_CHANGE = "Task_ApproveChange";
  public static final String EXECUTE_CHANGE = "Task_ExecuteChange";
  public static final String VERIFY_RESOLUTION = "Task_VerifyResolution";
  public static final String RATE_SERVICE = "Task_RateService";
  public static final String FOLLOW_UP_LOW_RATING = "Task_FollowUpLowRating";
  /** The escalation tasks after a response and after a resolution SLA timer fired; both use form act-on-escalation. */
  public static final String ACT_ON_RESPONSE_ESCALATION = "Task_ActOnResponseEscalation";
  public static final String ACT_ON_RESOLUTION_ESCALATION = "Task_ActOnResolutionEscalation";
  public static final Set<String> ACT_ON_ESCALATION = Set.of(ACT_ON_RESPONSE_ESCALATION, ACT_ON_RESOLUTION_ESCALATION);

  /** The SLA boundary timers: on "Respond at first line" for the response, on "Resolve ticket" for the resolution. */
  public static final String RESPONSE_AT_RISK = "Event_ResponseAtRisk";
  public static final String RESPONSE_BREACHED = "Event_ResponseBreached";
  public static final String RESPONSE_ESCALATED = "Event_ResponseEscalated";
  public static final String RESOLUTION_AT_RISK = "Event_ResolutionAtRisk";
  public static final String RESOLUTION_BREACHED = "Event_ResolutionBreached";
  public static final String RESOLUTION_ESCALATED = "Event_ResolutionEscalated";
  public static final Set<String> SLA_TIMERS = Set.of(RESPONSE_AT_RISK, RESPONSE_BREACHED, RESPONSE_ESCALATED, RESOLUTION_AT_RISK,
      RESOLUTION_BREACHED, RESOLUTION_ESCALATED);

  /** The requester's waits: reminded, then ended (no reply to the verification; the survey not answered). */
  /** Repeats while the ticket is being resolved: the requester hears where it stands. */
  public static final String PROGRESS_UPDATE_DUE = "Event_ProgressUpdateDue";
  public static final String VERIFICATION_REMINDER_DUE = "Event_VerificationReminderDue";
  public static final String NO_VERIFICATION_REPLY = "Event_NoVerificationReply";
  public static final String SURVEY_REMINDER_DUE = "Event_SurveyReminderDue";
  public static final String SURVEY_NOT_ANSWERED = "Event_SurveyNotAnswered";

  /** The process a ticket calls to ask its requester a question; processes/requester-question.bpmn. */
  public static final String QUESTION_KEY = "requester-question";
  public static final String ANSWER_QUESTION = "Task_AnswerQuestion";
  public static final String ASK_AT_FIRST_LINE = "CallActivity_AskAtFirstLine";
}
