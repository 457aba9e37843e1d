package org.itsupport.notification;

import java.time.Instant;
import java.util.List;

/** A notice the ticket sent (or could not send): to whom, the resolved addresses, and what became of it. */
public record Notification(Instant at, String recipients, List<String> addresses, String subject, String delivery) {
}
