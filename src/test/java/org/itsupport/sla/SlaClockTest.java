package org.itsupport.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.itsupport.sla.SlaClock.BusinessHours;
import org.itsupport.sla.SlaClock.RoundTheClock;
import org.junit.jupiter.api.Test;

class SlaClockTest {

  final BusinessCalendar calendar = TestCalendars.london();
  final SlaClock roundTheClock = SlaClock.of("24x7", calendar);
  final SlaClock businessHours = SlaClock.of("business-hours", calendar);

  @Test
  void theDecisionNamesTheClock() {
    assertThat(roundTheClock).isEqualTo(new RoundTheClock());
    assertThat(businessHours).isEqualTo(new BusinessHours(calendar));
  }

  @Test
  void anUnknownClockNameIsRejected() {
    for (String name : new String[] {"24X7", "24/7", "business hours", "Business-Hours", "", " 24x7"}) {
      assertThatThrownBy(() -> SlaClock.of(name, calendar))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("slaClock: '" + name + "' is neither '24x7' nor 'business-hours'");
    }
    assertThatThrownBy(() -> SlaClock.of(null, calendar))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("slaClock: 'null' is neither '24x7' nor 'business-hours'");
  }

  @Test
  void businessHoursNeedACalendar() {
    assertThatThrownBy(() -> SlaClock.of("business-hours", null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void aDayIs24HoursRoundTheClockAndOneWorkingDayInBusinessHours() {
    // P3D: 3 × 24h = 72h round the clock; 3 × 8h30 = 25h30 in business hours
    SlaTarget threeDays = SlaTarget.parse("resolutionTarget", "P3D");
    assertThat(roundTheClock.lengthOf(threeDays)).isEqualTo(Duration.ofHours(72));
    assertThat(businessHours.lengthOf(threeDays)).isEqualTo(Duration.ofMinutes(25 * 60 + 30));

    // P1DT4H30M: 24h + 4h30 = 28h30 round the clock; 8h30 + 4h30 = 13h in business hours
    SlaTarget dayAndAHalf = SlaTarget.parse("resolutionTarget", "P1DT4H30M");
    assertThat(roundTheClock.lengthOf(dayAndAHalf)).isEqualTo(Duration.ofMinutes(28 * 60 + 30));
    assertThat(businessHours.lengthOf(dayAndAHalf)).isEqualTo(Duration.ofHours(13));
  }

  @Test
  void theTimePartCountsAsIsOnBothClocks() {
    SlaTarget eightHours = SlaTarget.parse("resolutionTarget", "PT8H");
    assertThat(roundTheClock.lengthOf(eightHours)).isEqualTo(Duration.ofHours(8));
    assertThat(businessHours.lengthOf(eightHours)).isEqualTo(Duration.ofHours(8));
  }

  @Test
  void plusCountsEveryHourRoundTheClockAndWorkingHoursInBusinessHours() {
    Instant fridayFivePm = Instant.parse("2026-11-20T17:00:00Z");
    // Friday 2026-11-20 17:00 GMT + 8h round the clock → Saturday 01:00 GMT
    assertThat(roundTheClock.plus(fridayFivePm, Duration.ofHours(8))).isEqualTo(Instant.parse("2026-11-21T01:00:00Z"));
    // Friday 17:00 + 8 working hours = 30 min Friday + 7h30 Monday → Monday 2026-11-23 16:30 GMT
    assertThat(businessHours.plus(fridayFivePm, Duration.ofHours(8))).isEqualTo(Instant.parse("2026-11-23T16:30:00Z"));
  }

  @Test
  void betweenCountsEveryHourRoundTheClockAndWorkingHoursInBusinessHours() {
    Instant fridayFivePm = Instant.parse("2026-11-20T17:00:00Z");
    Instant mondayHalfFour = Instant.parse("2026-11-23T16:30:00Z");
    // Friday 17:00 → Monday 16:30 = 71h30 round the clock; 30 min + 7h30 = 8h in business hours
    assertThat(roundTheClock.between(fridayFivePm, mondayHalfFour)).isEqualTo(Duration.ofMinutes(71 * 60 + 30));
    assertThat(businessHours.between(fridayFivePm, mondayHalfFour)).isEqualTo(Duration.ofHours(8));
    // backwards is zero on both
    assertThat(roundTheClock.between(mondayHalfFour, fridayFivePm)).isZero();
    assertThat(businessHours.between(mondayHalfFour, fridayFivePm)).isZero();
  }

  @Test
  void threeDaysFromFridayMorning() {
    Instant fridayTen = Instant.parse("2026-11-20T10:00:00Z");
    SlaTarget threeDays = SlaTarget.parse("resolutionTarget", "P3D");
    // round the clock: Friday 2026-11-20 10:00 + 72h → Monday 2026-11-23 10:00 GMT
    assertThat(roundTheClock.plus(fridayTen, roundTheClock.lengthOf(threeDays)))
        .isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
    // business hours: 25h30 = 7h30 Friday + 8h30 Monday + 8h30 Tuesday + 1h Wednesday
    // → Wednesday 2026-11-25 10:00 GMT, three working days later
    assertThat(businessHours.plus(fridayTen, businessHours.lengthOf(threeDays)))
        .isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
  }

  @Test
  void threeDaysAcrossTheClockChangeInMarch() {
    Instant fridayTen = Instant.parse("2026-03-27T10:00:00Z");
    SlaTarget threeDays = SlaTarget.parse("resolutionTarget", "P3D");
    // round the clock, days are 24h: Friday 2026-03-27 10:00 GMT + 72h → Monday 2026-03-30 10:00Z = 11:00 BST
    assertThat(roundTheClock.plus(fridayTen, roundTheClock.lengthOf(threeDays)))
        .isEqualTo(Instant.parse("2026-03-30T10:00:00Z"));
    // business hours: 25h30 = 7h30 Friday + 8h30 Monday + 8h30 Tuesday + 1h Wednesday from 09:00 BST
    // → Wednesday 2026-04-01 10:00 BST = 09:00Z, the same wall time three working days later
    assertThat(businessHours.plus(fridayTen, businessHours.lengthOf(threeDays)))
        .isEqualTo(Instant.parse("2026-04-01T09:00:00Z"));
  }

  @Test
  void zeroIsTheStartOnBothClocks() {
    Instant saturday = Instant.parse("2026-11-21T12:00:00Z");
    assertThat(roundTheClock.plus(saturday, Duration.ZERO)).isEqualTo(saturday);
    assertThat(businessHours.plus(saturday, Duration.ZERO)).isEqualTo(saturday);
  }

  @Test
  void negativeTimeIsRejectedOnBothClocks() {
    Instant monday = Instant.parse("2026-11-23T10:00:00Z");
    assertThatThrownBy(() -> roundTheClock.plus(monday, Duration.ofHours(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> businessHours.plus(monday, Duration.ofHours(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
