package org.itsupport.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Response and resolution targets as the SLA decision gives them: ISO-8601 durations such as PT30M.
 * Targets run on the 24×7 clock for now; business hours and pauses will change {@link #from}.
 */
public record SlaTargets(Duration response, Duration resolution) {

  /** Parses the decision's outputs; a malformed or non-positive target names the output at fault. */
  public static SlaTargets parse(String responseTarget, String resolutionTarget) {
    return new SlaTargets(duration("responseTarget", responseTarget), duration("resolutionTarget", resolutionTarget));
  }

  /** The deadlines of a ticket whose SLA clock started at {@code start}. */
  public SlaDeadlines from(Instant start) {
    return new SlaDeadlines(start.plus(response), start.plus(resolution));
  }

  private static Duration duration(String output, String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(output + ": the SLA decision gave no target");
    }
    try {
      Duration duration = Duration.parse(text.trim());
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(output + ": '" + text + "' must be longer than zero");
      }
      return duration;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          output + ": '" + text + "' is not an ISO-8601 duration such as PT30M, PT8H or P3D", e);
    }
  }
}
