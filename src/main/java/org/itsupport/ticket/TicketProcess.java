package org.itsupport.ticket;

/** Ids in processes/it-support-ticket.bpmn that code, filters and tests refer to. */
public final class TicketProcess {

  private TicketProcess() {
  }

  public static final String KEY = "it-support-ticket";

  public static final String DIAGNOSE_AT_FIRST_LINE = "Task_DiagnoseAtFirstLine";
  public static final String REVIEW_AND_DIAGNOSE = "Task_ReviewAndDiagnose";
  public static final String APPROVE_CHANGE = "Task_ApproveChange";
  public static final String EXECUTE_CHANGE = "Task_ExecuteChange";
  public static final String VERIFY_RESOLUTION = "Task_VerifyResolution";
  public static final String RATE_SERVICE = "Task_RateService";
  public static final String FOLLOW_UP_LOW_RATING = "Task_FollowUpLowRating";
  public static final String REVIEW_RESPONSE_BREACH = "Task_ReviewResponseBreach";
  public static final String REVIEW_RESOLUTION_BREACH = "Task_ReviewResolutionBreach";

  public static final String RESPONSE_SLA_TIMER = "Event_ResponseSlaBreached";
  public static final String RESOLUTION_SLA_TIMER = "Event_ResolutionSlaBreached";
}
