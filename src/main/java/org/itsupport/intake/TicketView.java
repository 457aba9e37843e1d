package org.itsupport.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** What the intake API tells about a ticket: its number, priority, SLA deadlines and where it stands. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketView(String number, String title, String priority, String status, List<String> openSteps,
    String slaClock, Instant submittedAt, Instant responseDueAt, Instant resolutionDueAt, Boolean slaPaused,
    Instant closedAt) {

  public static final String OPEN = "open";
  public static final String CLOSED = "closed";
}
