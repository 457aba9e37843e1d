package org.itsupport.review;

import java.time.LocalDate;
import java.util.List;

/** What the service managers found in the month's review and the actions they agreed, each with owner and date. */
public record ReviewOutcome(String findings, List<Action> actions) {

  public record Action(String action, String owner, String ownerName, LocalDate due) {
  }
}
