package org.itsupport.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.itsupport.sla.EscalationSchedule.NextEscalation;
import org.itsupport.sla.EscalationSchedule.Running;
import org.junit.jupiter.api.Test;

class EscalationScheduleTest {

  static final SlaClock BUSINESS = new SlaClock.BusinessHours(TestCalendars.london());
  static final Instant TUESDAY_9 = Instant.parse("2026-03-10T09:00:00Z");
  static final SlaTarget HALF_HOUR = new SlaTarget(0, Duration.ofMinutes(30));
  static final SlaTarget EIGHT_HOURS = new SlaTarget(0, Duration.ofHours(8));

  /** Levels 1..3 at 75, 100 and 150 % for both SLAs, as the default table has them. */
  static final EscalationSchedule.Thresholds DEFAULT = (slaType, level) -> {
    Integer percent = Map.of(1, 75, 2, 100, 3, 150).get(level);
    return percent == null ? OptionalInt.empty() : OptionalInt.of(percent);
  };

  @Test
  void theEarliestLevelOfTheRunningSlasComesNext() {
    Running response = new Running("response", BUSINESS, HALF_HOUR, SlaTimeline.startingAt(TUESDAY_9), 0);
    Running resolution = new Running("resolution", BUSINESS, EIGHT_HOURS, SlaTimeline.startingAt(TUESDAY_9), 0);

    // 75 % of 30 working minutes from 09:00
    assertThat(EscalationSchedule.next(List.of(response, resolution), DEFAULT))
        .contains(new NextEscalation("response", 1, Instant.parse("2026-03-10T09:22:30Z")));
  }

  @Test
  void theLevelAfterTheHighestFiredComesNext() {
    Running resolution = new Running("resolution", BUSINESS, EIGHT_HOURS, SlaTimeline.startingAt(TUESDAY_9), 2);

    // 150 % of 8 working hours = 12h: 8h30 on Tuesday, 3h30 on Wednesday
    assertThat(EscalationSchedule.next(List.of(resolution), DEFAULT))
        .contains(new NextEscalation("resolution", 3, Instant.parse("2026-03-11T12:30:00Z")));
  }

  @Test
  void anUndefinedLevelEndsThatSlasEscalations() {
    Running resolution = new Running("resolution", BUSINESS, EIGHT_HOURS, SlaTimeline.startingAt(TUESDAY_9), 3);
    assertThat(EscalationSchedule.next(List.of(resolution), DEFAULT)).isEmpty();
  }

  @Test
  void nothingFallsDueWhileTheClockStandsStill() {
    SlaTimeline paused = SlaTimeline.startingAt(TUESDAY_9).withStop(Instant.parse("2026-03-10T09:10:00Z"));
    Running response = new Running("response", BUSINESS, HALF_HOUR, paused, 0);
    assertThat(EscalationSchedule.next(List.of(response), DEFAULT)).isEmpty();
  }

  @Test
  void aLevelAlreadyOverdueIsDueAtTheTimeItWasReached() {
    // after a priority change to a shorter target, a level can lie in the past: it is due at once
    Running resolution = new Running("resolution", new SlaClock.RoundTheClock(), new SlaTarget(0, Duration.ofHours(2)),
        SlaTimeline.startingAt(TUESDAY_9), 0);
    assertThat(EscalationSchedule.next(List.of(resolution), DEFAULT))
        .contains(new NextEscalation("resolution", 1, Instant.parse("2026-03-10T10:30:00Z")));
  }
}
