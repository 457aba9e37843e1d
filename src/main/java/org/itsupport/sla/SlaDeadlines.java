package org.itsupport.sla;

import java.time.Instant;

/** When the first response and the resolution are due; a target is met when done at or before its deadline. */
public record SlaDeadlines(Instant responseDueAt, Instant resolutionDueAt) {

  public static boolean met(Instant doneAt, Instant dueAt) {
    return !doneAt.isAfter(dueAt);
  }
}
