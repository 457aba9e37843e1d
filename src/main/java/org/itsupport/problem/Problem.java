package org.itsupport.problem;

import java.time.Instant;

/** A problem investigation: the cluster of tickets it is about, what was found, and whether it is closed. */
public record Problem(String id, String clusterBy, String clusterKey, String serviceType, String group,
    Instant openedAt, String rootCause, String workaround, Instant closedAt) {

  public boolean open() {
    return closedAt == null;
  }
}
