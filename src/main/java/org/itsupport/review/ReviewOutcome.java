package org.itsupport.review;

import java.util.List;

/** What the service managers found in the month's review and the actions they agreed, each with owner and date. */
public record ReviewOutcome(String findings, List<Action> actions) {

  /** Due is a date, such as 2026-12-31. */
  public record Action(String action, String owner, String ownerName, String due) {
  }
}
