package org.itsupport.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/** The default business calendar the product ships with, for tests. */
final class TestCalendars {

  static final ZoneId LONDON = ZoneId.of("Europe/London");

  /** England and Wales bank holidays 2026 and 2027, as published on gov.uk. */
  static final Set<LocalDate> BANK_HOLIDAYS = Set.of(
      LocalDate.of(2026, 1, 1),   // New Year's Day
      LocalDate.of(2026, 4, 3),   // Good Friday
      LocalDate.of(2026, 4, 6),   // Easter Monday
      LocalDate.of(2026, 5, 4),   // Early May bank holiday
      LocalDate.of(2026, 5, 25),  // Spring bank holiday
      LocalDate.of(2026, 8, 31),  // Summer bank holiday
      LocalDate.of(2026, 12, 25), // Christmas Day
      LocalDate.of(2026, 12, 28), // Boxing Day (substitute day: the 26th is a Saturday)
      LocalDate.of(2027, 1, 1),   // New Year's Day
      LocalDate.of(2027, 3, 26),  // Good Friday
      LocalDate.of(2027, 3, 29),  // Easter Monday
      LocalDate.of(2027, 5, 3),   // Early May bank holiday
      LocalDate.of(2027, 5, 31),  // Spring bank holiday
      LocalDate.of(2027, 8, 30),  // Summer bank holiday
      LocalDate.of(2027, 12, 27), // Christmas Day (substitute day: the 25th is a Saturday)
      LocalDate.of(2027, 12, 28)); // Boxing Day (substitute day: the 26th is a Sunday)

  static final Set<DayOfWeek> MONDAY_TO_FRIDAY = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

  private TestCalendars() {
  }

  /** Europe/London, Monday to Friday 09:00–17:30, England and Wales bank holidays 2026 and 2027. */
  static BusinessCalendar london() {
    return new BusinessCalendar(LONDON, MONDAY_TO_FRIDAY, LocalTime.of(9, 0), LocalTime.of(17, 30), BANK_HOLIDAYS);
  }

  /** Every day of the week in London, no holidays: shows what happens on the Sundays the clocks change. */
  static BusinessCalendar londonEveryDay(LocalTime workStart, LocalTime workEnd) {
    return new BusinessCalendar(LONDON, EnumSet.allOf(DayOfWeek.class), workStart, workEnd, Set.of());
  }
}
