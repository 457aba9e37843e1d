package org.itsupport.notification;

import java.time.Instant;
import java.util.List;

/**
 * One message of a ticket's conversation (table {@code ticket_message}): a notice the process sent, to whom,
 * with what wording, and what became of its delivery.
 *
 * @param recipients whom the process meant: "requester" or group ids, comma-separated
 * @param addresses the e-mail addresses they resolved to when the notice was written
 * @param delivery pending, sent, logged (no mail server configured), no-address, or failed (an incident)
 */
public record Notice(String id, String ticketNumber, String kind, String recipients, List<String> addresses,
    String subject, String body, Instant createdAt, String delivery, Instant deliveredAt, int attempts,
    String lastError) {

  static final String PENDING = "pending";
  static final String SENT = "sent";
  static final String LOGGED = "logged";
  static final String NO_ADDRESS = "no-address";
  static final String FAILED = "failed";

  /** Whether the requester saw it: a notice to them, or a mail the ticket received. */
  public boolean seenByRequester() {
    return recipients == null || java.util.Arrays.stream(recipients.split(",")).map(String::trim)
        .anyMatch(Notices.REQUESTER::equals);
  }
}
