package org.itsupport.model;

/** Ids and variables of processes/monthly-service-review.bpmn that code, forms and tests refer to. */
public final class ServiceReviewProcess {

  private ServiceReviewProcess() {
  }

  public static final String KEY = "monthly-service-review";
  /** The schedule that starts the review each month: one timer start event. */
  public static final String SCHEDULE_KEY = "monthly-service-review-schedule";
  public static final String HOLD_REVIEW = "Task_HoldServiceReview";

  /** The month under review, 2025-02: from the start form, or the month before the timer fired. */
  public static final String REVIEW_MONTH = "reviewMonth";
  /** Whether that month's review was held, or is being held, already: then this one ends at once. */
  public static final String REVIEWED_ALREADY = "reviewedAlready";
  /** The report's figures as the task shows them (Markdown), and the page with the charts. */
  public static final String REVIEW_SUMMARY = "reviewSummary";
  public static final String REVIEW_PAGE = "reviewPage";
  /** When the review should be held: five working days after it started. */
  public static final String REVIEW_DUE_AT = "reviewDueAt";
  /** Who may own an action: the staff in the directory, as the task's owner lists offer them. */
  public static final String ACTION_OWNER_OPTIONS = "actionOwnerOptions";
  /** What the meeting found, and up to three actions with an owner and a due date each. */
  public static final String REVIEW_FINDINGS = "reviewFindings";
  public static final int ACTIONS = 3;
  public static final String REVIEW_HELD_BY = "reviewHeldBy";

  public static String action(int number) {
    return "action" + number;
  }

  public static String actionOwner(int number) {
    return "action" + number + "Owner";
  }

  public static String actionDue(int number) {
    return "action" + number + "Due";
  }
}
