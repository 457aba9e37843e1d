package org.itsupport.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * The service desk's working hours: the same local opening and closing time on every working day,
 * except on holidays. Working time is the real time that passes between opening and closing, so a
 * day keeps its full length across a clock change as long as the change happens outside the
 * working hours (as it does in Europe/London, where the clocks change at night).
 */
public record BusinessCalendar(ZoneId zone, Set<DayOfWeek> workingDays, LocalTime workStart, LocalTime workEnd,
    Set<LocalDate> holidays) {

  public BusinessCalendar {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(workingDays, "workingDays");
    Objects.requireNonNull(workStart, "workStart");
    Objects.requireNonNull(workEnd, "workEnd");
    Objects.requireNonNull(holidays, "holidays");
    if (!workStart.isBefore(workEnd)) {
      throw new IllegalArgumentException(
          "the working day must start before it ends, but starts at " + workStart + " and ends at " + workEnd);
    }
    if (workingDays.isEmpty()) {
      throw new IllegalArgumentException("a business calendar needs at least one working day");
    }
    workingDays = Set.copyOf(workingDays);
    holidays = Set.copyOf(holidays);
  }

  /** A working weekday that is not a holiday. */
  public boolean isWorkingDay(LocalDate day) {
    return workingDays.contains(day.getDayOfWeek()) && !holidays.contains(day);
  }

  /** Closing minus opening time on the wall clock: what one working day of an SLA target is worth. */
  public Duration workingDayLength() {
    return Duration.between(workStart, workEnd);
  }

  /**
   * The first instant at which {@code workingTime} of working time has passed since {@code from}.
   * An amount that runs out exactly at closing time ends then, not at the next opening.
   */
  public Instant plusWorkingTime(Instant from, Duration workingTime) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(workingTime, "workingTime");
    if (workingTime.isNegative()) {
      throw new IllegalArgumentException("working time must not be negative, but was " + workingTime);
    }
    if (workingTime.isZero()) {
      return from;
    }
    Duration remaining = workingTime;
    // whole days at a time: each pass consumes (the rest of) one day's working hours
    for (LocalDate day = localDate(from); ; day = day.plusDays(1)) {
      if (!isWorkingDay(day)) {
        continue;
      }
      Instant open = later(opening(day), from);
      Instant close = closing(day);
      if (!open.isBefore(close)) {
        continue;
      }
      Duration available = Duration.between(open, close);
      if (remaining.compareTo(available) <= 0) {
        return open.plus(remaining);
      }
      remaining = remaining.minus(available);
    }
  }

  /** The working time in {@code [from, to)}; zero when {@code to} is not after {@code from}. */
  public Duration workingTimeBetween(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Duration total = Duration.ZERO;
    if (!to.isAfter(from)) {
      return total;
    }
    LocalDate last = localDate(to);
    for (LocalDate day = localDate(from); !day.isAfter(last); day = day.plusDays(1)) {
      if (!isWorkingDay(day)) {
        continue;
      }
      Instant open = later(opening(day), from);
      Instant close = earlier(closing(day), to);
      if (open.isBefore(close)) {
        total = total.plus(Duration.between(open, close));
      }
    }
    return total;
  }

  private LocalDate localDate(Instant instant) {
    return LocalDate.ofInstant(instant, zone);
  }

  private Instant opening(LocalDate day) {
    return day.atTime(workStart).atZone(zone).toInstant();
  }

  private Instant closing(LocalDate day) {
    return day.atTime(workEnd).atZone(zone).toInstant();
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
