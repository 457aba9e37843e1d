package org.itsupport.sla;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** One escalation level that fired: when, what the escalation decision said (whom to tell), later what was done. */
public record SlaEscalation(String slaType, int level, String label, int thresholdPercent, Instant at,
    String group, @JsonProperty("notify") String told, boolean raisePriority, String action, String actedBy, Instant actedAt) {

  public SlaEscalation actedOn(String action, String actedBy, Instant actedAt) {
    return new SlaEscalation(slaType, level, label, thresholdPercent, at, group, told, raisePriority,
        action, actedBy, actedAt);
  }
}
