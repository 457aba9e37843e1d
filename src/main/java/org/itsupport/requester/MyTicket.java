package org.itsupport.requester;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A ticket as its requester sees it under "My tickets": where it stands in words, what it waits for (and the
 * requester's own task, when it waits for them), its deadlines and the notices it sent them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MyTicket(String number, String title, String priority, boolean open, String status, String waitingFor,
    String yourTaskId, Instant submittedAt, Instant responseDueAt, Instant resolutionDueAt, Instant closedAt,
    List<Message> conversation) {

  /** One message of the ticket's conversation: ours to the requester, or a mail the ticket received. */
  public record Message(Instant at, boolean received, String subject, String text) {
  }
}
