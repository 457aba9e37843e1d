package org.itsupport.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.itsupport.sla.BusinessCalendar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The review starts at 09:00 on the first working day of each month, in London, on the engine clock. */
class ReviewScheduleTest {

  private final ReviewSchedule schedule = new ReviewSchedule(new BusinessCalendar(ZoneId.of("Europe/London"),
      EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 30),
      Set.of(LocalDate.of(2027, 1, 1), LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28))));

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aWeekdayFirst_isTheDay() {
    assertThat(schedule.next(Instant.parse("2026-05-15T10:00:00Z"))).isEqualTo("2026-06-01T08:00:00Z"); // BST
  }

  @Test
  void aWeekendFirst_movesToMonday() {
    // 1 August 2026 is a Saturday
    assertThat(schedule.next(Instant.parse("2026-07-02T10:00:00Z"))).isEqualTo("2026-08-03T08:00:00Z");
  }

  @Test
  void aHolidayFirst_movesToTheNextWorkingDay() {
    // 1 January 2027 is a bank holiday (a Friday), then the weekend
    assertThat(schedule.next(Instant.parse("2026-12-29T10:00:00Z"))).isEqualTo("2027-01-04T09:00:00Z"); // GMT
  }

  @Test
  void onTheDay_beforeTheStart_itIsToday_afterIt_nextMonth() {
    assertThat(schedule.next(Instant.parse("2026-06-01T07:59:00Z"))).isEqualTo("2026-06-01T08:00:00Z");
    assertThat(schedule.next(Instant.parse("2026-06-01T08:00:00Z"))).isEqualTo("2026-07-01T08:00:00Z");
  }

  @Test
  void theCycle_startsAtTheNextDate_andTheReviewIsAboutTheMonthBefore() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-06-01T08:00:00Z")));
    assertThat(schedule.cycle()).isEqualTo("R/2026-07-01T08:00:00Z/P1D");
    assertThat(schedule.previousMonth()).isEqualTo("2026-05");
  }
}
