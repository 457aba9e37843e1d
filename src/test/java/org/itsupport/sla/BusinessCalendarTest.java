package org.itsupport.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.itsupport.sla.TestCalendars.BANK_HOLIDAYS;
import static org.itsupport.sla.TestCalendars.LONDON;
import static org.itsupport.sla.TestCalendars.MONDAY_TO_FRIDAY;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

  final BusinessCalendar calendar = TestCalendars.london();

  @Nested
  class Construction {

    @Test
    void aWorkingDayIsAWorkingWeekdayThatIsNoHoliday() {
      assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 20))).as("Friday").isTrue();
      assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 21))).as("Saturday").isFalse();
      assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 22))).as("Sunday").isFalse();
      assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 3))).as("Good Friday").isFalse();
      assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 28))).as("Boxing Day substitute, a Monday").isFalse();
    }

    @Test
    void aWorkingDayLastsFromOpeningToClosingOnTheWallClock() {
      // 09:00 to 17:30 = 8h30
      assertThat(calendar.workingDayLength()).isEqualTo(Duration.ofHours(8).plusMinutes(30));
    }

    @Test
    void theDayMustStartBeforeItEnds() {
      assertThatThrownBy(() -> new BusinessCalendar(LONDON, MONDAY_TO_FRIDAY, LocalTime.of(17, 30),
          LocalTime.of(9, 0), Set.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("the working day must start before it ends, but starts at 17:30 and ends at 09:00");
      assertThatThrownBy(() -> new BusinessCalendar(LONDON, MONDAY_TO_FRIDAY, LocalTime.of(9, 0),
          LocalTime.of(9, 0), Set.of()))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void atLeastOneDayIsAWorkingDay() {
      assertThatThrownBy(() -> new BusinessCalendar(LONDON, Set.of(), LocalTime.of(9, 0), LocalTime.of(17, 30),
          Set.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("a business calendar needs at least one working day");
    }

    @Test
    void everyPartIsRequired() {
      LocalTime nine = LocalTime.of(9, 0);
      LocalTime half5 = LocalTime.of(17, 30);
      assertThatThrownBy(() -> new BusinessCalendar(null, MONDAY_TO_FRIDAY, nine, half5, Set.of()))
          .isInstanceOf(NullPointerException.class).hasMessage("zone");
      assertThatThrownBy(() -> new BusinessCalendar(LONDON, null, nine, half5, Set.of()))
          .isInstanceOf(NullPointerException.class).hasMessage("workingDays");
      assertThatThrownBy(() -> new BusinessCalendar(LONDON, MONDAY_TO_FRIDAY, null, half5, Set.of()))
          .isInstanceOf(NullPointerException.class).hasMessage("workStart");
      assertThatThrownBy(() -> new BusinessCalendar(LONDON, MONDAY_TO_FRIDAY, nine, null, Set.of()))
          .isInstanceOf(NullPointerException.class).hasMessage("workEnd");
      assertThatThrownBy(() -> new BusinessCalendar(LONDON, MONDAY_TO_FRIDAY, nine, half5, null))
          .isInstanceOf(NullPointerException.class).hasMessage("holidays");
    }

    @Test
    void keepsItsOwnImmutableCopies() {
      Set<DayOfWeek> days = new HashSet<>(MONDAY_TO_FRIDAY);
      Set<LocalDate> holidays = new HashSet<>(BANK_HOLIDAYS);
      BusinessCalendar copy = new BusinessCalendar(LONDON, days, LocalTime.of(9, 0), LocalTime.of(17, 30), holidays);

      days.add(DayOfWeek.SATURDAY);
      holidays.clear();

      assertThat(copy.workingDays()).isEqualTo(MONDAY_TO_FRIDAY);
      assertThat(copy.holidays()).isEqualTo(BANK_HOLIDAYS);
      assertThatThrownBy(() -> copy.holidays().add(LocalDate.of(2028, 1, 3)))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> copy.workingDays().add(DayOfWeek.SUNDAY))
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Nested
  class PlusWorkingTime {

    @Test
    void withinADay() {
      // Tuesday 2026-11-17 10:00 GMT + 2h → 12:00 GMT the same day
      assertThat(calendar.plusWorkingTime(Instant.parse("2026-11-17T10:00:00Z"), Duration.ofHours(2)))
          .isEqualTo(Instant.parse("2026-11-17T12:00:00Z"));
    }

    @Test
    void acrossAWeekend() {
      // Friday 2026-11-20 17:00 GMT + 8h = 30 min Friday + 7h30 Monday → Monday 2026-11-23 16:30 GMT
      assertThat(calendar.plusWorkingTime(Instant.parse("2026-11-20T17:00:00Z"), Duration.ofHours(8)))
          .isEqualTo(Instant.parse("2026-11-23T16:30:00Z"));
      // Thursday 2026-11-19 15:00 GMT + 12h = 2h30 Thursday + 8h30 Friday + 1h Monday → Monday 2026-11-23 10:00 GMT
      assertThat(calendar.plusWorkingTime(Instant.parse("2026-11-19T15:00:00Z"), Duration.ofHours(12)))
          .isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
    }

    @Test
    void startingInTheEveningCountsFromTheNextOpening() {
      // Tuesday 2026-11-17 19:00 GMT, closed; Wednesday 09:00 + 1h → Wednesday 2026-11-18 10:00 GMT
      assertThat(calendar.plusWorkingTime(Instant.parse("2026-11-17T19:00:00Z"), Duration.ofHours(1)))
          .isEqualTo(Instant.parse("2026-11-18T10:00:00Z"));
    }

    @Test
    void startingEarlyInTheMorningCountsFromTheOpening() {
      // Wednesday 2026-11-18 06:00 GMT, not open yet; 09:00 + 30 min → 09:30 GMT
      assertThat(calendar.plusWorkingTime(Instant.parse("2026-11-18T06:00:00Z"), Duration.ofMinutes(30)))
          .isEqualTo(Instant.parse("2026-11-18T09:30:00Z"));
    }

    @Test
    void startingAtClosingTimeCountsFromTheNextOpening() {
      // Monday 2026-11-23 17:30 GMT, just closed; Tuesday 09:00 + 1h → Tuesday 2026-11-24 10:00 GMT
      assertThat(calendar.plusWorkingTime(Instant.parse("2026-11-23T17:30:00Z"), Duration.ofHours(1)))
          .isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
    }

    @Test
    void startingOnAWeekendCountsFromMonday() {
      // Saturday 2026-11-21 12:00 GMT; Monday 09:00 + 4h → Monday 2026-11-23 13:00 GMT
      assertThat(calendar.plusWorkingTime(Instant.parse("2026-11-21T12:00:00Z"), Duration.ofHours(4)))
          .isEqualTo(Instant.parse("2026-11-23T13:00:00Z"));
    }

    @Test
    void skipsGoodFridayAndEasterMonday() {
      // Thursday 2026-04-02 16:00 BST (15:00Z) + 4h = 1h30 Thursday; Good Friday 3rd, weekend, Easter Monday 6th
      // closed; 2h30 Tuesday from 09:00 BST → Tuesday 2026-04-07 11:30 BST = 10:30Z
      assertThat(calendar.plusWorkingTime(Instant.parse("2026-04-02T15:00:00Z"), Duration.ofHours(4)))
          .isEqualTo(Instant.parse("2026-04-07T10:30:00Z"));
    }

    @Test
    void acrossTheClockChangeInMarch() {
      // Friday 2026-03-27 16:00 GMT + 3h = 1h30 Friday; clocks go forward Sunday 29th; 1h30 Monday from
      // 09:00 BST (08:00Z) → Monday 2026-03-30 10:30 BST = 09:30Z
      assertThat(calendar.plusWorkingTime(Instant.parse("2026-03-27T16:00:00Z"), Duration.ofHours(3)))
          .isEqualTo(Instant.parse("2026-03-30T09:30:00Z"));
    }

    @Test
    void theFirstDayAfterTheMarchChangeHasItsFullLength() {
      // Monday 2026-03-30 09:00 BST (08:00Z) + 8h30 → 17:30 BST = 16:30Z
      assertThat(calendar.plusWorkingTime(Instant.parse("2026-03-30T08:00:00Z"), Duration.ofMinutes(510)))
          .isEqualTo(Instant.parse("2026-03-30T16:30:00Z"));
    }

    @Test
    void acrossTheClockChangeInOctober() {
      // Friday 2026-10-23 17:00 BST (16:00Z) + 1h = 30 min Friday; clocks go back Sunday 25th; 30 min Monday
      // from 09:00 GMT → Monday 2026-10-26 09:30 GMT
      assertThat(calendar.plusWorkingTime(Instant.parse("2026-10-23T16:00:00Z"), Duration.ofHours(1)))
          .isEqualTo(Instant.parse("2026-10-26T09:30:00Z"));
    }

    @Test
    void overChristmas() {
      // Thursday 2026-12-24 15:00 GMT + 8h30 = 2h30 Thursday; Christmas Day Friday, weekend, Boxing Day
      // substitute Monday 28th closed; 6h Tuesday from 09:00 → Tuesday 2026-12-29 15:00 GMT
      assertThat(calendar.plusWorkingTime(Instant.parse("2026-12-24T15:00:00Z"), Duration.ofMinutes(510)))
          .isEqualTo(Instant.parse("2026-12-29T15:00:00Z"));
    }

    @Test
    void overNewYear() {
      // Thursday 2026-12-31 12:00 GMT + 8h30 = 5h30 Thursday; New Year's Day Friday 2027-01-01, weekend closed;
      // 3h Monday from 09:00 → Monday 2027-01-04 12:00 GMT
      assertThat(calendar.plusWorkingTime(Instant.parse("2026-12-31T12:00:00Z"), Duration.ofMinutes(510)))
          .isEqualTo(Instant.parse("2027-01-04T12:00:00Z"));
    }

    @Test
    void endingExactlyAtClosingTimeEndsThatDay() {
      // Monday 2026-11-23 09:00 GMT + 8h30 → 17:30 GMT the same day, not Tuesday 09:00
      assertThat(calendar.plusWorkingTime(Instant.parse("2026-11-23T09:00:00Z"), Duration.ofMinutes(510)))
          .isEqualTo(Instant.parse("2026-11-23T17:30:00Z"));
      // Friday 2026-11-20 13:00 GMT + 4h30 → 17:30 GMT the same day, not Monday 09:00
      assertThat(calendar.plusWorkingTime(Instant.parse("2026-11-20T13:00:00Z"), Duration.ofMinutes(270)))
          .isEqualTo(Instant.parse("2026-11-20T17:30:00Z"));
    }

    @Test
    void zeroIsTheStartItselfEvenOutsideWorkingHours() {
      // Saturday 2026-11-21 12:00 GMT + 0 → unchanged, not Monday 09:00
      assertThat(calendar.plusWorkingTime(Instant.parse("2026-11-21T12:00:00Z"), Duration.ZERO))
          .isEqualTo(Instant.parse("2026-11-21T12:00:00Z"));
    }

    @Test
    void threeWorkingDays() {
      // Monday 2026-11-23 10:00 GMT + 3 × 8h30 = 25h30: 7h30 Monday + 8h30 Tuesday + 8h30 Wednesday
      // + 1h Thursday → Thursday 2026-11-26 10:00 GMT
      assertThat(calendar.plusWorkingTime(Instant.parse("2026-11-23T10:00:00Z"), Duration.ofMinutes(3 * 510)))
          .isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
    }

    @Test
    void thirtyWorkingDays() {
      // Monday 2026-11-02 09:00 GMT + 30 × 8h30: November 2–6, 9–13, 16–20, 23–27, November 30–December 4 and
      // December 7–11 are 30 working days → Friday 2026-12-11 17:30 GMT
      assertThat(calendar.plusWorkingTime(Instant.parse("2026-11-02T09:00:00Z"), Duration.ofMinutes(30 * 510)))
          .isEqualTo(Instant.parse("2026-12-11T17:30:00Z"));
      // Tuesday 2026-12-01 09:00 GMT + 30 × 8h30: December 1–4 (4), 7–11 (9), 14–18 (14), 21–24 (18),
      // 29–31 (21), January 4–8 (26), 11–14 (30) → Thursday 2027-01-14 17:30 GMT
      assertThat(calendar.plusWorkingTime(Instant.parse("2026-12-01T09:00:00Z"), Duration.ofMinutes(30 * 510)))
          .isEqualTo(Instant.parse("2027-01-14T17:30:00Z"));
    }

    @Test
    void negativeWorkingTimeIsRejected() {
      assertThatThrownBy(() -> calendar.plusWorkingTime(Instant.parse("2026-11-23T10:00:00Z"), Duration.ofMinutes(-1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("working time must not be negative, but was PT-1M");
    }
  }

  @Nested
  class WorkingTimeBetween {

    @Test
    void withinADay() {
      // Tuesday 2026-11-17 10:00 → 12:00 GMT = 2h
      assertThat(calendar.workingTimeBetween(Instant.parse("2026-11-17T10:00:00Z"), Instant.parse("2026-11-17T12:00:00Z")))
          .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void partlyBeforeOpening() {
      // Tuesday 2026-11-17 08:00 → 10:00 GMT: only 09:00–10:00 counts = 1h
      assertThat(calendar.workingTimeBetween(Instant.parse("2026-11-17T08:00:00Z"), Instant.parse("2026-11-17T10:00:00Z")))
          .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void acrossAWeekend() {
      // Friday 2026-11-20 17:00 → Monday 2026-11-23 16:30 GMT = 30 min + 7h30 = 8h
      assertThat(calendar.workingTimeBetween(Instant.parse("2026-11-20T17:00:00Z"), Instant.parse("2026-11-23T16:30:00Z")))
          .isEqualTo(Duration.ofHours(8));
    }

    @Test
    void fromEveningToEvening() {
      // Tuesday 2026-11-17 19:00 → Wednesday 19:00 GMT = all of Wednesday = 8h30
      assertThat(calendar.workingTimeBetween(Instant.parse("2026-11-17T19:00:00Z"), Instant.parse("2026-11-18T19:00:00Z")))
          .isEqualTo(Duration.ofMinutes(510));
    }

    @Test
    void aWeekendHasNone() {
      // Saturday 2026-11-21 00:00 → Monday 2026-11-23 09:00 GMT = 0
      assertThat(calendar.workingTimeBetween(Instant.parse("2026-11-21T00:00:00Z"), Instant.parse("2026-11-23T09:00:00Z")))
          .isZero();
    }

    @Test
    void overEaster() {
      // Thursday 2026-04-02 15:00Z (16:00 BST) → Tuesday 2026-04-07 10:30Z (11:30 BST) = 1h30 Thursday
      // + 2h30 Tuesday = 4h; Good Friday and Easter Monday count nothing
      assertThat(calendar.workingTimeBetween(Instant.parse("2026-04-02T15:00:00Z"), Instant.parse("2026-04-07T10:30:00Z")))
          .isEqualTo(Duration.ofHours(4));
    }

    @Test
    void acrossTheClockChangeInMarch() {
      // Friday 2026-03-27 09:00 GMT (09:00Z) → Monday 2026-03-30 17:30 BST (16:30Z) = 8h30 + 8h30 = 17h
      assertThat(calendar.workingTimeBetween(Instant.parse("2026-03-27T09:00:00Z"), Instant.parse("2026-03-30T16:30:00Z")))
          .isEqualTo(Duration.ofHours(17));
      // Monday 2026-03-30 00:00Z → 09:00Z: opens 09:00 BST = 08:00Z, so 08:00Z–09:00Z = 1h
      assertThat(calendar.workingTimeBetween(Instant.parse("2026-03-30T00:00:00Z"), Instant.parse("2026-03-30T09:00:00Z")))
          .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void acrossTheClockChangeInOctober() {
      // Friday 2026-10-23 09:00 BST (08:00Z) → Monday 2026-10-26 17:30 GMT (17:30Z) = 8h30 + 8h30 = 17h
      assertThat(calendar.workingTimeBetween(Instant.parse("2026-10-23T08:00:00Z"), Instant.parse("2026-10-26T17:30:00Z")))
          .isEqualTo(Duration.ofHours(17));
      // Friday 2026-10-23 16:30Z → 17:00Z: closes 17:30 BST = 16:30Z, so nothing
      assertThat(calendar.workingTimeBetween(Instant.parse("2026-10-23T16:30:00Z"), Instant.parse("2026-10-23T17:00:00Z")))
          .isZero();
    }

    @Test
    void overTheYearEnd() {
      // Thursday 2026-12-24 09:00 → Monday 2027-01-04 09:00 GMT: working days 24, 29, 30, 31 December
      // (25th, 28th and 1 January are bank holidays) = 4 × 8h30 = 34h
      assertThat(calendar.workingTimeBetween(Instant.parse("2026-12-24T09:00:00Z"), Instant.parse("2027-01-04T09:00:00Z")))
          .isEqualTo(Duration.ofHours(34));
    }

    @Test
    void upToClosingTime() {
      // Friday 2026-11-20 13:00 → 17:30 GMT = 4h30; on to 23:00 adds nothing
      assertThat(calendar.workingTimeBetween(Instant.parse("2026-11-20T13:00:00Z"), Instant.parse("2026-11-20T17:30:00Z")))
          .isEqualTo(Duration.ofMinutes(270));
      assertThat(calendar.workingTimeBetween(Instant.parse("2026-11-20T13:00:00Z"), Instant.parse("2026-11-20T23:00:00Z")))
          .isEqualTo(Duration.ofMinutes(270));
    }

    @Test
    void thirtyWorkingDays() {
      // Monday 2026-11-02 09:00 → Friday 2026-12-11 17:30 GMT = 30 working days × 8h30 = 255h
      assertThat(calendar.workingTimeBetween(Instant.parse("2026-11-02T09:00:00Z"), Instant.parse("2026-12-11T17:30:00Z")))
          .isEqualTo(Duration.ofHours(255));
    }

    @Test
    void noneWhenTheEndIsNotAfterTheStart() {
      Instant monday = Instant.parse("2026-11-23T10:00:00Z");
      assertThat(calendar.workingTimeBetween(monday, monday)).isZero();
      assertThat(calendar.workingTimeBetween(monday, monday.minusSeconds(3600))).isZero();
    }

    @Test
    void isTheInverseOfPlusWorkingTime() {
      List<Duration> amounts = List.of(Duration.ofSeconds(1), Duration.ofMinutes(29), Duration.ofMinutes(510),
          Duration.ofMinutes(511), Duration.ofMinutes(3 * 510), Duration.ofMinutes(30 * 510));
      List<Instant> starts = new ArrayList<>();
      // every 97 minutes through Easter and the March change, and through the October change and the year end
      for (Instant t = Instant.parse("2026-03-25T00:00:00Z"); t.isBefore(Instant.parse("2026-04-09T00:00:00Z"));
          t = t.plusSeconds(97 * 60)) {
        starts.add(t);
      }
      for (Instant t = Instant.parse("2026-10-21T00:00:00Z"); t.isBefore(Instant.parse("2026-10-28T00:00:00Z"));
          t = t.plusSeconds(97 * 60)) {
        starts.add(t);
      }
      for (Instant t = Instant.parse("2026-12-22T00:00:00Z"); t.isBefore(Instant.parse("2027-01-06T00:00:00Z"));
          t = t.plusSeconds(97 * 60)) {
        starts.add(t);
      }
      for (Instant start : starts) {
        for (Duration amount : amounts) {
          Instant reached = calendar.plusWorkingTime(start, amount);
          assertThat(calendar.workingTimeBetween(start, reached)).as("from %s plus %s", start, amount).isEqualTo(amount);
          // and nothing earlier reaches it
          assertThat(calendar.workingTimeBetween(start, reached.minusSeconds(1)))
              .as("from %s plus %s", start, amount).isLessThan(amount);
        }
      }
    }
  }

  @Nested
  class DaysWhenTheClocksChange {

    @Test
    void theShortSundayInMarchStillHasItsFullWorkingHours() {
      BusinessCalendar everyDay = TestCalendars.londonEveryDay(LocalTime.of(9, 0), LocalTime.of(17, 30));
      // Sunday 2026-03-29: clocks go forward at 01:00Z; opens 09:00 BST = 08:00Z, + 8h30 → 17:30 BST = 16:30Z
      assertThat(everyDay.plusWorkingTime(Instant.parse("2026-03-29T00:00:00Z"), Duration.ofMinutes(510)))
          .isEqualTo(Instant.parse("2026-03-29T16:30:00Z"));
      // a 23-hour day from midnight to midnight local (00:00Z to 23:00Z) holds 8h30 of working time
      assertThat(everyDay.workingTimeBetween(Instant.parse("2026-03-29T00:00:00Z"), Instant.parse("2026-03-29T23:00:00Z")))
          .isEqualTo(Duration.ofMinutes(510));
    }

    @Test
    void theLongSundayInOctoberStillHasOnlyItsWorkingHours() {
      BusinessCalendar everyDay = TestCalendars.londonEveryDay(LocalTime.of(9, 0), LocalTime.of(17, 30));
      // Sunday 2026-10-25: clocks go back at 01:00Z; opens 09:00 GMT = 09:00Z, + 8h30 → 17:30Z
      assertThat(everyDay.plusWorkingTime(Instant.parse("2026-10-24T23:00:00Z"), Duration.ofMinutes(510)))
          .isEqualTo(Instant.parse("2026-10-25T17:30:00Z"));
      // a 25-hour day from midnight BST (2026-10-24 23:00Z) to midnight GMT (2026-10-26 00:00Z) holds 8h30
      assertThat(everyDay.workingTimeBetween(Instant.parse("2026-10-24T23:00:00Z"), Instant.parse("2026-10-26T00:00:00Z")))
          .isEqualTo(Duration.ofMinutes(510));
    }

    @Test
    void workingHoursAcrossTheChangeItselfCountTheRealTimeThatPasses() {
      // 00:30–03:00 local is 2h30 on the wall clock, but on 2026-03-29 it runs from 00:30 GMT (00:30Z)
      // to 03:00 BST (02:00Z): 1h30 really pass, and on 2026-10-25 from 00:30 BST (2026-10-24 23:30Z)
      // to 03:00 GMT (03:00Z): 3h30
      BusinessCalendar night = TestCalendars.londonEveryDay(LocalTime.of(0, 30), LocalTime.of(3, 0));
      assertThat(night.workingDayLength()).isEqualTo(Duration.ofMinutes(150));
      assertThat(night.workingTimeBetween(Instant.parse("2026-03-29T00:00:00Z"), Instant.parse("2026-03-29T12:00:00Z")))
          .isEqualTo(Duration.ofMinutes(90));
      assertThat(night.plusWorkingTime(Instant.parse("2026-03-29T00:00:00Z"), Duration.ofMinutes(90)))
          .isEqualTo(Instant.parse("2026-03-29T02:00:00Z"));
      assertThat(night.workingTimeBetween(Instant.parse("2026-10-24T12:00:00Z"), Instant.parse("2026-10-25T12:00:00Z")))
          .isEqualTo(Duration.ofMinutes(210));
    }

    @Test
    void aCalendarInAnotherZoneOpensAtItsOwnLocalTime() {
      BusinessCalendar newYork = new BusinessCalendar(ZoneId.of("America/New_York"), MONDAY_TO_FRIDAY,
          LocalTime.of(9, 0), LocalTime.of(17, 30), Set.of());
      // Monday 2026-11-23 09:00Z is 04:00 EST, before opening at 09:00 EST = 14:00Z; + 1h → 15:00Z
      assertThat(newYork.plusWorkingTime(Instant.parse("2026-11-23T09:00:00Z"), Duration.ofHours(1)))
          .isEqualTo(Instant.parse("2026-11-23T15:00:00Z"));
    }
  }

  /** The start-up check of {@link SlaConfiguration}: a year without holidays is worth a warning. */
  @Nested
  class HolidayYears {

    @Test
    void noYearMissingWhileThisYearAndNextYearHaveHolidays() {
      assertThat(SlaConfiguration.yearsWithoutHolidays(BANK_HOLIDAYS, LocalDate.of(2026, 6, 15))).isEmpty();
      assertThat(SlaConfiguration.yearsWithoutHolidays(BANK_HOLIDAYS, LocalDate.of(2026, 1, 1))).isEmpty();
    }

    @Test
    void nextYearMissing() {
      assertThat(SlaConfiguration.yearsWithoutHolidays(BANK_HOLIDAYS, LocalDate.of(2027, 3, 1))).containsExactly(2028);
    }

    @Test
    void thisYearMissing() {
      assertThat(SlaConfiguration.yearsWithoutHolidays(BANK_HOLIDAYS, LocalDate.of(2025, 12, 31)))
          .containsExactly(2025);
    }

    @Test
    void bothYearsMissing() {
      assertThat(SlaConfiguration.yearsWithoutHolidays(BANK_HOLIDAYS, LocalDate.of(2028, 1, 1)))
          .containsExactly(2028, 2029);
      assertThat(SlaConfiguration.yearsWithoutHolidays(Set.of(), LocalDate.of(2026, 6, 15)))
          .containsExactly(2026, 2027);
    }
  }

  @Nested
  class FromProperties {

    final SlaConfiguration configuration = new SlaConfiguration();

    @Test
    void theConfiguredCalendar() {
      BusinessCalendarProperties properties = new BusinessCalendarProperties(LONDON,
          List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
          LocalTime.of(9, 0), LocalTime.of(17, 30), List.copyOf(BANK_HOLIDAYS));

      assertThat(configuration.businessCalendar(properties)).isEqualTo(TestCalendars.london());
    }

    @Test
    void noHolidaysIsAnEmptyList() {
      BusinessCalendarProperties properties = new BusinessCalendarProperties(LONDON, List.of(DayOfWeek.MONDAY),
          LocalTime.of(9, 0), LocalTime.of(17, 30), null);

      assertThat(configuration.businessCalendar(properties).holidays()).isEmpty();
    }

    @Test
    void aMissingSettingIsNamed() {
      assertThatThrownBy(() -> configuration.businessCalendar(new BusinessCalendarProperties(null,
          List.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), LocalTime.of(17, 30), List.of())))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("itsupport.business-calendar.time-zone is not set");
      assertThatThrownBy(() -> configuration.businessCalendar(new BusinessCalendarProperties(LONDON,
          List.of(), LocalTime.of(9, 0), LocalTime.of(17, 30), List.of())))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("itsupport.business-calendar.working-days is not set");
      assertThatThrownBy(() -> configuration.businessCalendar(new BusinessCalendarProperties(LONDON,
          List.of(DayOfWeek.MONDAY), null, LocalTime.of(17, 30), List.of())))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("itsupport.business-calendar.work-start is not set");
      assertThatThrownBy(() -> configuration.businessCalendar(new BusinessCalendarProperties(LONDON,
          List.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), null, List.of())))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("itsupport.business-calendar.work-end is not set");
    }
  }
}
