package org.itsupport.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When one SLA clock ran: from {@code start}, except during {@code stops} (e.g. while waiting for the
 * customer), until {@code end} (e.g. the first response), or still running when {@code end} is null.
 * Stops are sorted and do not overlap; only the last may still be open. Stops or parts of stops after
 * {@code end} change nothing.
 */
public record SlaTimeline(Instant start, List<Stop> stops, Instant end) {

  /** The clock stood still in {@code [from, to)}; {@code to} is null while it still stands. */
  public record Stop(Instant from, Instant to) {

    public Stop {
      Objects.requireNonNull(from, "from");
      if (to != null && to.isBefore(from)) {
        throw new IllegalArgumentException("a stop cannot end (" + to + ") before it starts (" + from + ")");
      }
    }

    public boolean isOpen() {
      return to == null;
    }
  }

  public SlaTimeline {
    Objects.requireNonNull(start, "start");
    stops = List.copyOf(Objects.requireNonNull(stops, "stops"));
    Instant previousEnd = start;
    for (int i = 0; i < stops.size(); i++) {
      Stop stop = stops.get(i);
      if (stop.from().isBefore(previousEnd)) {
        throw new IllegalArgumentException(i == 0
            ? "the clock cannot stop at " + stop.from() + ", before it starts at " + start
            : "stops must be sorted and must not overlap, but one starts at " + stop.from()
                + " before the previous one ends at " + previousEnd);
      }
      if (stop.isOpen() && i < stops.size() - 1) {
        throw new IllegalArgumentException(
            "only the last stop may still be open, but the one from " + stop.from() + " is followed by another");
      }
      previousEnd = stop.to();
    }
    if (end != null && end.isBefore(start)) {
      throw new IllegalArgumentException("the clock cannot end at " + end + ", before it starts at " + start);
    }
  }

  /** A clock that starts running at {@code start}. */
  public static SlaTimeline startingAt(Instant start) {
    return new SlaTimeline(start, List.of(), null);
  }

  /** Whether the clock stands still now, waiting for an open stop to end. */
  public boolean isStopped() {
    return !stops.isEmpty() && stops.get(stops.size() - 1).isOpen();
  }

  /**
   * The clock time that has run by {@code now}: from the start to {@code now} or the end, whichever
   * comes first, minus the clock time inside the stops (an open stop lasts until {@code now}).
   */
  public Duration elapsed(SlaClock clock, Instant now) {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(now, "now");
    Instant limit = end != null && end.isBefore(now) ? end : now;
    Duration elapsed = Duration.ZERO;
    Instant runningSince = start;
    for (Stop stop : stops) {
      if (!stop.from().isBefore(limit)) {
        break;
      }
      elapsed = elapsed.plus(clock.between(runningSince, stop.from()));
      if (stop.isOpen()) {
        return elapsed;
      }
      runningSince = stop.to();
    }
    return elapsed.plus(clock.between(runningSince, limit));
  }

  /**
   * The instant at which the clock has run for {@code amount}: the deadline of a target that long,
   * in the past if it is already overdue. Empty when the clock stands still (an open stop) or has
   * ended before it gets there.
   */
  public Optional<Instant> whenElapsed(SlaClock clock, Duration amount) {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(amount, "amount");
    if (amount.isNegative()) {
      throw new IllegalArgumentException("the amount of SLA time must not be negative, but was " + amount);
    }
    if (amount.isZero()) {
      return Optional.of(start);
    }
    Duration remaining = amount;
    Instant runningSince = start;
    for (Stop stop : stops) {
      if (end != null && !stop.from().isBefore(end)) {
        break;
      }
      Duration running = clock.between(runningSince, stop.from());
      if (remaining.compareTo(running) <= 0) {
        return Optional.of(clock.plus(runningSince, remaining));
      }
      remaining = remaining.minus(running);
      if (stop.isOpen()) {
        return Optional.empty();
      }
      runningSince = stop.to();
    }
    if (end == null) {
      return Optional.of(clock.plus(runningSince, remaining));
    }
    Duration running = clock.between(runningSince, end);
    return remaining.compareTo(running) <= 0 ? Optional.of(clock.plus(runningSince, remaining)) : Optional.empty();
  }

  /** The clock stops at {@code from} until {@link #withStopEnded} starts it again. */
  public SlaTimeline withStop(Instant from) {
    if (end != null) {
      throw new IllegalStateException("the SLA clock ended at " + end + " and cannot stop again");
    }
    if (isStopped()) {
      throw new IllegalStateException("the SLA clock is already stopped since " + lastStop().from());
    }
    List<Stop> more = new ArrayList<>(stops);
    more.add(new Stop(from, null));
    return new SlaTimeline(start, more, end);
  }

  /** The clock runs again from {@code to}, ending the open stop. */
  public SlaTimeline withStopEnded(Instant to) {
    Objects.requireNonNull(to, "to");
    if (!isStopped()) {
      throw new IllegalStateException("the SLA clock is running, so there is no stop to end");
    }
    List<Stop> ended = new ArrayList<>(stops);
    ended.set(ended.size() - 1, new Stop(lastStop().from(), to));
    return new SlaTimeline(start, ended, end);
  }

  /** The clock stops for good at {@code end}, e.g. when the first response is given. */
  public SlaTimeline withEnd(Instant end) {
    Objects.requireNonNull(end, "end");
    if (this.end != null) {
      throw new IllegalStateException("the SLA clock already ended at " + this.end);
    }
    return new SlaTimeline(start, stops, end);
  }

  private Stop lastStop() {
    return stops.get(stops.size() - 1);
  }
}
