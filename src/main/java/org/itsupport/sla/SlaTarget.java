package org.itsupport.sla;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A response or resolution target as the SLA decision gives it. Days stay apart from the time part
 * because their length depends on the clock: on the business clock {@code P3D} is three working days,
 * not 72 hours.
 */
public record SlaTarget(int days, Duration time) {

  // ISO-8601 day-time durations only: years, months and weeks have no fixed length in days
  private static final Pattern DAY_TIME = Pattern.compile("([-+]?)P(?:([-+]?[0-9]+)D)?(T.*)?",
      Pattern.CASE_INSENSITIVE);

  public SlaTarget {
    Objects.requireNonNull(time, "time");
    if (days < 0 || time.isNegative()) {
      throw new IllegalArgumentException("an SLA target must not be negative, but was " + days + " days and " + time);
    }
  }

  /**
   * Parses the decision's output {@code name}, e.g. {@code PT30M}, {@code PT8H}, {@code P3D} or
   * {@code P1DT4H30M}; a missing, malformed or non-positive value names the variable at fault.
   */
  public static SlaTarget parse(String name, String iso) {
    if (iso == null || iso.isBlank()) {
      throw new IllegalArgumentException(name + ": the SLA decision gave no value");
    }
    Matcher matcher = DAY_TIME.matcher(iso.trim());
    long days;
    Duration time;
    try {
      if (!matcher.matches() || matcher.group(2) == null && matcher.group(3) == null) {
        throw new DateTimeParseException("not a day-time duration", iso, 0);
      }
      days = matcher.group(2) == null ? 0 : Long.parseLong(matcher.group(2));
      time = matcher.group(3) == null ? Duration.ZERO : Duration.parse("P" + matcher.group(3));
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IllegalArgumentException(
          name + ": '" + iso + "' is not an ISO-8601 duration such as PT30M, PT8H or P3D", e);
    }
    if ("-".equals(matcher.group(1))) {
      days = -days;
      time = time.negated();
    }
    if (days < 0 || time.isNegative() || days == 0 && time.isZero()) {
      throw new IllegalArgumentException(name + ": '" + iso + "' must be longer than zero");
    }
    if (days > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          name + ": '" + iso + "' is not an ISO-8601 duration such as PT30M, PT8H or P3D");
    }
    return new SlaTarget((int) days, time);
  }
}
