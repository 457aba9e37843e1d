package org.itsupport.model;

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
  public static final String ACT_ON_ESCALATION = "Task_ActOnEscalation";

  /** The SLA watch loop's timer: waits for the next escalation level. */
  public static final String NEXT_ESCALATION_DUE = "Event_NextEscalationDue";

  /** The process a ticket calls to ask its requester a question; processes/requester-question.bpmn. */
  public static final String QUESTION_KEY = "requester-question";
  public static final String ANSWER_QUESTION = "Task_AnswerQuestion";
}
