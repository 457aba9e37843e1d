package org.itsupport.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The clock an SLA target runs on: around the clock, or only in business hours. The SLA decision
 * names it per ticket ({@code slaClock}), so the same target means a different deadline on each.
 */
public sealed interface SlaClock permits SlaClock.RoundTheClock, SlaClock.BusinessHours {

  String ROUND_THE_CLOCK = "24x7";
  String BUSINESS_HOURS = "business-hours";

  /** The first instant at which {@code time} of this clock's time has passed since {@code from}. */
  Instant plus(Instant from, Duration time);

  /** This clock's time in {@code [from, to)}; zero when {@code to} is not after {@code from}. */
  Duration between(Instant from, Instant to);

  /** How much of this clock's time a target is: its days count as this clock's day, its time part as is. */
  Duration lengthOf(SlaTarget target);

  /** The clock the SLA decision names: {@code 24x7} or {@code business-hours}. */
  static SlaClock of(String name, BusinessCalendar calendar) {
    if (ROUND_THE_CLOCK.equals(name)) {
      return new RoundTheClock();
    }
    if (BUSINESS_HOURS.equals(name)) {
      return new BusinessHours(calendar);
    }
    throw new IllegalArgumentException(
        "slaClock: '" + name + "' is neither '" + ROUND_THE_CLOCK + "' nor '" + BUSINESS_HOURS + "'");
  }

  /** Every hour of every day counts; a day is 24 hours, also across a clock change. */
  record RoundTheClock() implements SlaClock {

    @Override
    public Instant plus(Instant from, Duration time) {
      Objects.requireNonNull(from, "from");
      if (time.isNegative()) {
        throw new IllegalArgumentException("SLA time must not be negative, but was " + time);
      }
      return from.plus(time);
    }

    @Override
    public Duration between(Instant from, Instant to) {
      Duration between = Duration.between(from, to);
      return between.isNegative() ? Duration.ZERO : between;
    }

    @Override
    public Duration lengthOf(SlaTarget target) {
      return Duration.ofDays(target.days()).plus(target.time());
    }
  }

  /** Only working hours count; a day is one working day. */
  record BusinessHours(BusinessCalendar calendar) implements SlaClock {

    public BusinessHours {
      Objects.requireNonNull(calendar, "the business-hours SLA clock needs a business calendar");
    }

    @Override
    public Instant plus(Instant from, Duration time) {
      return calendar.plusWorkingTime(from, time);
    }

    @Override
    public Duration between(Instant from, Instant to) {
      return calendar.workingTimeBetween(from, to);
    }

    @Override
    public Duration lengthOf(SlaTarget target) {
      return calendar.workingDayLength().multipliedBy(target.days()).plus(target.time());
    }
  }
}
