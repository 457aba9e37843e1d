package org.itsupport.sla;

import java.time.Instant;

/**
 * A time the ticket's SLA clocks stood still: "question" while the requester was asked something, or
 * "verification" between a delivered fix and the requester reopening the ticket. {@code to} is null while
 * it lasts.
 */
public record SlaPause(String kind, String reason, Instant from, Instant to, String by) {

  public static final String QUESTION = "question";
  public static final String VERIFICATION = "verification";

  public SlaPause endedAt(Instant end) {
    return new SlaPause(kind, reason, from, end, by);
  }
}
