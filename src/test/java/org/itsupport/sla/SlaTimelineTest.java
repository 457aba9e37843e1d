package org.itsupport.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.itsupport.sla.SlaTimeline.Stop;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SlaTimelineTest {

  final SlaClock businessHours = new SlaClock.BusinessHours(TestCalendars.london());
  final SlaClock roundTheClock = new SlaClock.RoundTheClock();

  // Monday 2026-11-23 09:00 GMT, opening time
  final Instant mondayNine = Instant.parse("2026-11-23T09:00:00Z");
  final SlaTimeline running = SlaTimeline.startingAt(mondayNine);
  final Duration tenHours = Duration.ofHours(10);

  @Nested
  class WithoutStops {

    @Test
    void elapsed() {
      Instant tuesdayNoon = Instant.parse("2026-11-24T12:00:00Z");
      // Monday 09:00 → Tuesday 12:00 = 8h30 Monday + 3h Tuesday = 11h30 in business hours; 27h round the clock
      assertThat(running.elapsed(businessHours, tuesdayNoon)).isEqualTo(Duration.ofMinutes(11 * 60 + 30));
      assertThat(running.elapsed(roundTheClock, tuesdayNoon)).isEqualTo(Duration.ofHours(27));
    }

    @Test
    void whenElapsed() {
      // business hours: Monday 09:00 + 10h = 8h30 Monday + 1h30 Tuesday → Tuesday 2026-11-24 10:30 GMT
      assertThat(running.whenElapsed(businessHours, tenHours)).contains(Instant.parse("2026-11-24T10:30:00Z"));
      // round the clock: Monday 09:00 + 10h → Monday 19:00 GMT
      assertThat(running.whenElapsed(roundTheClock, tenHours)).contains(Instant.parse("2026-11-23T19:00:00Z"));
    }

    @Test
    void nothingElapsedBeforeTheStart() {
      assertThat(running.elapsed(businessHours, mondayNine)).isZero();
      assertThat(running.elapsed(roundTheClock, mondayNine.minusSeconds(60))).isZero();
    }

    @Test
    void aClockStartedOutsideWorkingHoursRunsFromTheNextOpening() {
      // Saturday 2026-11-21 12:00 GMT; business hours run from Monday 09:00, so Monday 10:00 = 1h and
      // 1h is reached at Monday 2026-11-23 10:00 GMT
      SlaTimeline saturday = SlaTimeline.startingAt(Instant.parse("2026-11-21T12:00:00Z"));
      assertThat(saturday.elapsed(businessHours, Instant.parse("2026-11-23T10:00:00Z"))).isEqualTo(Duration.ofHours(1));
      assertThat(saturday.whenElapsed(businessHours, Duration.ofHours(1)))
          .contains(Instant.parse("2026-11-23T10:00:00Z"));
    }

    @Test
    void zeroIsReachedAtTheStart() {
      // even on a Saturday, when business hours do not run
      SlaTimeline saturday = SlaTimeline.startingAt(Instant.parse("2026-11-21T12:00:00Z"));
      assertThat(saturday.whenElapsed(businessHours, Duration.ZERO)).contains(Instant.parse("2026-11-21T12:00:00Z"));
      assertThat(saturday.whenElapsed(roundTheClock, Duration.ZERO)).contains(Instant.parse("2026-11-21T12:00:00Z"));
    }

    @Test
    void anOverdueDeadlineLiesInThePast() {
      Instant thursdayNoon = Instant.parse("2026-11-26T12:00:00Z");
      // Monday 09:00 + 4 working hours → Monday 13:00 GMT, three days before Thursday noon
      Instant due = running.whenElapsed(businessHours, Duration.ofHours(4)).orElseThrow();
      assertThat(due).isEqualTo(Instant.parse("2026-11-23T13:00:00Z")).isBefore(thursdayNoon);
      // by Thursday noon: 8h30 Monday + 8h30 Tuesday + 8h30 Wednesday + 3h Thursday = 28h30
      assertThat(running.elapsed(businessHours, thursdayNoon)).isEqualTo(Duration.ofMinutes(28 * 60 + 30));
    }

    @Test
    void negativeAmountIsRejected() {
      assertThatThrownBy(() -> running.whenElapsed(businessHours, Duration.ofMinutes(-1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("the amount of SLA time must not be negative, but was PT-1M");
    }
  }

  @Nested
  class WithAClosedStop {

    // stopped Monday 11:00 → Tuesday 11:00 GMT: 6h30 Monday + 2h Tuesday = 8h30 business hours; 24h round the clock
    final Instant mondayEleven = Instant.parse("2026-11-23T11:00:00Z");
    final Instant tuesdayEleven = Instant.parse("2026-11-24T11:00:00Z");
    final SlaTimeline stoppedOnce = running.withStop(mondayEleven).withStopEnded(tuesdayEleven);

    @Test
    void theDeadlineShiftsByTheStoppedBusinessHours() {
      // 2h Monday 09:00–11:00; 8h from Tuesday 11:00 = 6h30 Tuesday + 1h30 Wednesday → Wednesday 2026-11-25 10:30 GMT
      Instant due = stoppedOnce.whenElapsed(businessHours, tenHours).orElseThrow();
      assertThat(due).isEqualTo(Instant.parse("2026-11-25T10:30:00Z"));

      Instant dueWithoutStop = running.whenElapsed(businessHours, tenHours).orElseThrow();
      assertThat(businessHours.between(dueWithoutStop, due))
          .isEqualTo(businessHours.between(mondayEleven, tuesdayEleven))
          .isEqualTo(Duration.ofMinutes(510));
    }

    @Test
    void theDeadlineShiftsByTheStoppedHoursRoundTheClock() {
      // 2h Monday 09:00–11:00; 8h from Tuesday 11:00 → Tuesday 2026-11-24 19:00 GMT
      Instant due = stoppedOnce.whenElapsed(roundTheClock, tenHours).orElseThrow();
      assertThat(due).isEqualTo(Instant.parse("2026-11-24T19:00:00Z"));

      Instant dueWithoutStop = running.whenElapsed(roundTheClock, tenHours).orElseThrow();
      assertThat(Duration.between(dueWithoutStop, due)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void elapsedLeavesTheStopOut() {
      Instant wednesdayNoon = Instant.parse("2026-11-25T12:00:00Z");
      // business hours: 2h Monday + 6h30 Tuesday + 3h Wednesday = 11h30
      assertThat(stoppedOnce.elapsed(businessHours, wednesdayNoon)).isEqualTo(Duration.ofMinutes(11 * 60 + 30));
      // round the clock: Monday 09:00 → Wednesday 12:00 = 51h, minus 24h stopped = 27h
      assertThat(stoppedOnce.elapsed(roundTheClock, wednesdayNoon)).isEqualTo(Duration.ofHours(27));
      // during the stop the clock stands at 2h
      assertThat(stoppedOnce.elapsed(businessHours, Instant.parse("2026-11-23T15:00:00Z"))).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aStopOverTheWeekendShiftsOnlyTheRoundTheClockDeadline() {
      // started Friday 2026-11-27 09:00 GMT, stopped Saturday 10:00 → Sunday 18:00 (32h, no working hours)
      SlaTimeline weekendStop = SlaTimeline.startingAt(Instant.parse("2026-11-27T09:00:00Z"))
          .withStop(Instant.parse("2026-11-28T10:00:00Z"))
          .withStopEnded(Instant.parse("2026-11-29T18:00:00Z"));
      // business hours: 8h30 Friday + 1h30 Monday → Monday 2026-11-30 10:30 GMT, as without the stop
      assertThat(weekendStop.whenElapsed(businessHours, tenHours)).contains(Instant.parse("2026-11-30T10:30:00Z"));
      // round the clock, 40h: 25h Friday 09:00 → Saturday 10:00; 15h from Sunday 18:00 → Monday 2026-11-30 09:00,
      // 32h later than Sunday 01:00 without the stop
      assertThat(weekendStop.whenElapsed(roundTheClock, Duration.ofHours(40)))
          .contains(Instant.parse("2026-11-30T09:00:00Z"));
    }

    @Test
    void twoStops() {
      // stopped Monday 10:00–12:00 and Tuesday 09:00–13:00 GMT
      SlaTimeline stoppedTwice = new SlaTimeline(mondayNine, List.of(
          new Stop(Instant.parse("2026-11-23T10:00:00Z"), Instant.parse("2026-11-23T12:00:00Z")),
          new Stop(Instant.parse("2026-11-24T09:00:00Z"), Instant.parse("2026-11-24T13:00:00Z"))), null);
      // by Tuesday 17:30: 8h30 − 2h Monday + 8h30 − 4h Tuesday = 11h
      assertThat(stoppedTwice.elapsed(businessHours, Instant.parse("2026-11-24T17:30:00Z"))).isEqualTo(Duration.ofHours(11));
      // 8h: 1h Monday 09–10 + 5h30 Monday 12:00–17:30 = 6h30; 1h30 from Tuesday 13:00 → Tuesday 14:30 GMT
      assertThat(stoppedTwice.whenElapsed(businessHours, Duration.ofHours(8)))
          .contains(Instant.parse("2026-11-24T14:30:00Z"));
      // round the clock 8h: 1h Monday 09–10, 7h from 12:00 → Monday 19:00 GMT
      assertThat(stoppedTwice.whenElapsed(roundTheClock, Duration.ofHours(8)))
          .contains(Instant.parse("2026-11-23T19:00:00Z"));
    }
  }

  @Nested
  class WithAnOpenStop {

    // stopped since Monday 2026-11-23 11:00 GMT, 2h after the start
    final SlaTimeline stopped = running.withStop(Instant.parse("2026-11-23T11:00:00Z"));

    @Test
    void isStopped() {
      assertThat(running.isStopped()).isFalse();
      assertThat(stopped.isStopped()).isTrue();
      assertThat(stopped.withStopEnded(Instant.parse("2026-11-24T09:00:00Z")).isStopped()).isFalse();
    }

    @Test
    void anAmountNotReachedBeforeTheStopHasNoDeadline() {
      assertThat(stopped.whenElapsed(businessHours, tenHours)).isEmpty();
      assertThat(stopped.whenElapsed(roundTheClock, tenHours)).isEmpty();
    }

    @Test
    void anAmountReachedBeforeTheStopKeepsItsDeadline() {
      // 1h → Monday 10:00; 2h is reached the moment the clock stops, Monday 11:00
      assertThat(stopped.whenElapsed(businessHours, Duration.ofHours(1))).contains(Instant.parse("2026-11-23T10:00:00Z"));
      assertThat(stopped.whenElapsed(businessHours, Duration.ofHours(2))).contains(Instant.parse("2026-11-23T11:00:00Z"));
    }

    @Test
    void elapsedStandsStillUntilNow() {
      Instant thursdayNoon = Instant.parse("2026-11-26T12:00:00Z");
      assertThat(stopped.elapsed(businessHours, thursdayNoon)).isEqualTo(Duration.ofHours(2));
      assertThat(stopped.elapsed(roundTheClock, thursdayNoon)).isEqualTo(Duration.ofHours(2));
      // before the stop began the clock was still running: Monday 10:30 = 1h30
      assertThat(stopped.elapsed(businessHours, Instant.parse("2026-11-23T10:30:00Z"))).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void theDeadlineReturnsWhenTheClockRunsAgain() {
      // ended Wednesday 2026-11-25 09:00: 2h Monday + 8h Wednesday → Wednesday 17:00 GMT
      SlaTimeline resumed = stopped.withStopEnded(Instant.parse("2026-11-25T09:00:00Z"));
      assertThat(resumed.whenElapsed(businessHours, tenHours)).contains(Instant.parse("2026-11-25T17:00:00Z"));
    }
  }

  @Nested
  class WithAnEnd {

    @Test
    void anEndAfterTheDeadlineKeepsIt() {
      // ended Tuesday 2026-11-24 12:00, after Tuesday 10:30 when 10h was reached
      SlaTimeline ended = running.withEnd(Instant.parse("2026-11-24T12:00:00Z"));
      assertThat(ended.whenElapsed(businessHours, tenHours)).contains(Instant.parse("2026-11-24T10:30:00Z"));
      // elapsed stops at the end: 8h30 Monday + 3h Tuesday = 11h30, also on Thursday
      assertThat(ended.elapsed(businessHours, Instant.parse("2026-11-26T12:00:00Z"))).isEqualTo(Duration.ofMinutes(690));
    }

    @Test
    void anEndExactlyAtTheDeadlineReachesIt() {
      SlaTimeline ended = running.withEnd(Instant.parse("2026-11-24T10:30:00Z"));
      assertThat(ended.whenElapsed(businessHours, tenHours)).contains(Instant.parse("2026-11-24T10:30:00Z"));
    }

    @Test
    void anEndBeforeTheDeadlineMeansItIsNeverReached() {
      // ended Monday 15:00 GMT, after 6h
      SlaTimeline ended = running.withEnd(Instant.parse("2026-11-23T15:00:00Z"));
      assertThat(ended.whenElapsed(businessHours, tenHours)).isEmpty();
      assertThat(ended.whenElapsed(roundTheClock, tenHours)).isEmpty();
      assertThat(ended.elapsed(businessHours, Instant.parse("2026-11-26T12:00:00Z"))).isEqualTo(Duration.ofHours(6));
      assertThat(ended.elapsed(roundTheClock, Instant.parse("2026-11-26T12:00:00Z"))).isEqualTo(Duration.ofHours(6));
      // before the end, elapsed is what ran by now: Monday 12:00 = 3h
      assertThat(ended.elapsed(businessHours, Instant.parse("2026-11-23T12:00:00Z"))).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void anEndWhileStoppedEndsTheStopToo() {
      // stopped Monday 11:00, ended Monday 15:00 while still stopped: 2h ran
      SlaTimeline ended = running.withStop(Instant.parse("2026-11-23T11:00:00Z"))
          .withEnd(Instant.parse("2026-11-23T15:00:00Z"));
      assertThat(ended.elapsed(businessHours, Instant.parse("2026-11-26T12:00:00Z"))).isEqualTo(Duration.ofHours(2));
      assertThat(ended.whenElapsed(businessHours, Duration.ofHours(2))).contains(Instant.parse("2026-11-23T11:00:00Z"));
      assertThat(ended.whenElapsed(businessHours, Duration.ofHours(3))).isEmpty();
    }

    @Test
    void aStopReachingPastTheEndCountsOnlyUpToTheEnd() {
      // stopped Monday 11:00 → Tuesday 11:00, ended Monday 15:00: 2h ran
      SlaTimeline ended = new SlaTimeline(mondayNine,
          List.of(new Stop(Instant.parse("2026-11-23T11:00:00Z"), Instant.parse("2026-11-24T11:00:00Z"))),
          Instant.parse("2026-11-23T15:00:00Z"));
      assertThat(ended.elapsed(roundTheClock, Instant.parse("2026-11-26T12:00:00Z"))).isEqualTo(Duration.ofHours(2));
      assertThat(ended.whenElapsed(roundTheClock, Duration.ofHours(3))).isEmpty();
    }

    @Test
    void aStopAfterTheEndChangesNothing() {
      // ended Monday 15:00 after 6h; a stop recorded later (Tuesday 10:00–11:00) does not let time run past the end
      SlaTimeline ended = new SlaTimeline(mondayNine,
          List.of(new Stop(Instant.parse("2026-11-24T10:00:00Z"), Instant.parse("2026-11-24T11:00:00Z"))),
          Instant.parse("2026-11-23T15:00:00Z"));
      assertThat(ended.whenElapsed(businessHours, Duration.ofHours(9))).isEmpty();
      assertThat(ended.whenElapsed(businessHours, Duration.ofHours(6))).contains(Instant.parse("2026-11-23T15:00:00Z"));
      assertThat(ended.elapsed(businessHours, Instant.parse("2026-11-26T12:00:00Z"))).isEqualTo(Duration.ofHours(6));
    }
  }

  @Test
  void whenElapsedIsWhereElapsedReachesTheAmount() {
    SlaTimeline stoppedTwice = running
        .withStop(Instant.parse("2026-11-23T10:17:00Z")).withStopEnded(Instant.parse("2026-11-24T14:03:00Z"))
        .withStop(Instant.parse("2026-11-27T16:00:00Z")).withStopEnded(Instant.parse("2026-12-01T08:00:00Z"));
    for (SlaClock clock : List.of(businessHours, roundTheClock)) {
      for (long minutes = 1; minutes < 60 * 60; minutes += 37) {
        Duration amount = Duration.ofMinutes(minutes);
        Instant due = stoppedTwice.whenElapsed(clock, amount).orElseThrow();
        assertThat(stoppedTwice.elapsed(clock, due)).as("%s on %s", amount, clock).isEqualTo(amount);
        assertThat(stoppedTwice.elapsed(clock, due.minusSeconds(1))).as("%s on %s", amount, clock).isLessThan(amount);
      }
    }
  }

  @Nested
  class Validation {

    @Test
    void stopsMustBeSortedAndMustNotOverlap() {
      Stop tuesday = new Stop(Instant.parse("2026-11-24T10:00:00Z"), Instant.parse("2026-11-24T12:00:00Z"));
      Stop monday = new Stop(Instant.parse("2026-11-23T10:00:00Z"), Instant.parse("2026-11-23T12:00:00Z"));
      Stop mondayLater = new Stop(Instant.parse("2026-11-23T11:00:00Z"), Instant.parse("2026-11-23T13:00:00Z"));
      assertThatThrownBy(() -> new SlaTimeline(mondayNine, List.of(tuesday, monday), null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("stops must be sorted and must not overlap, but one starts at 2026-11-23T10:00:00Z "
              + "before the previous one ends at 2026-11-24T12:00:00Z");
      assertThatThrownBy(() -> new SlaTimeline(mondayNine, List.of(monday, mondayLater), null))
          .isInstanceOf(IllegalArgumentException.class);
      // touching stops are fine
      Stop touching = new Stop(Instant.parse("2026-11-23T12:00:00Z"), Instant.parse("2026-11-23T13:00:00Z"));
      assertThat(new SlaTimeline(mondayNine, List.of(monday, touching), null)
          .elapsed(roundTheClock, Instant.parse("2026-11-23T14:00:00Z"))).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void onlyTheLastStopMayBeOpen() {
      Stop open = new Stop(Instant.parse("2026-11-23T10:00:00Z"), null);
      Stop later = new Stop(Instant.parse("2026-11-24T10:00:00Z"), Instant.parse("2026-11-24T12:00:00Z"));
      assertThatThrownBy(() -> new SlaTimeline(mondayNine, List.of(open, later), null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("only the last stop may still be open, but the one from 2026-11-23T10:00:00Z is followed by another");
    }

    @Test
    void nothingHappensBeforeTheStart() {
      assertThatThrownBy(() -> running.withStop(mondayNine.minusSeconds(1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("the clock cannot stop at 2026-11-23T08:59:59Z, before it starts at 2026-11-23T09:00:00Z");
      assertThatThrownBy(() -> running.withEnd(mondayNine.minusSeconds(1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("the clock cannot end at 2026-11-23T08:59:59Z, before it starts at 2026-11-23T09:00:00Z");
    }

    @Test
    void aStopCannotEndBeforeItStarts() {
      assertThatThrownBy(() -> running.withStop(Instant.parse("2026-11-23T11:00:00Z"))
          .withStopEnded(Instant.parse("2026-11-23T10:00:00Z")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("a stop cannot end (2026-11-23T10:00:00Z) before it starts (2026-11-23T11:00:00Z)");
    }

    @Test
    void aStopCannotBeginBeforeThePreviousOneEnded() {
      SlaTimeline stoppedOnce = running.withStop(Instant.parse("2026-11-23T11:00:00Z"))
          .withStopEnded(Instant.parse("2026-11-23T12:00:00Z"));
      assertThatThrownBy(() -> stoppedOnce.withStop(Instant.parse("2026-11-23T11:30:00Z")))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stoppingTwiceIsAMistake() {
      SlaTimeline stopped = running.withStop(Instant.parse("2026-11-23T11:00:00Z"));
      assertThatThrownBy(() -> stopped.withStop(Instant.parse("2026-11-23T12:00:00Z")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("the SLA clock is already stopped since 2026-11-23T11:00:00Z");
    }

    @Test
    void endingAStopWhileRunningIsAMistake() {
      assertThatThrownBy(() -> running.withStopEnded(Instant.parse("2026-11-23T12:00:00Z")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("the SLA clock is running, so there is no stop to end");
    }

    @Test
    void endingTwiceOrStoppingAfterTheEndIsAMistake() {
      SlaTimeline ended = running.withEnd(Instant.parse("2026-11-23T12:00:00Z"));
      assertThatThrownBy(() -> ended.withEnd(Instant.parse("2026-11-23T13:00:00Z")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("the SLA clock already ended at 2026-11-23T12:00:00Z");
      assertThatThrownBy(() -> ended.withStop(Instant.parse("2026-11-23T13:00:00Z")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("the SLA clock ended at 2026-11-23T12:00:00Z and cannot stop again");
    }

    @Test
    void theStopsAreACopy() {
      ArrayList<Stop> stops = new ArrayList<>();
      SlaTimeline timeline = new SlaTimeline(mondayNine, stops, null);
      stops.add(new Stop(Instant.parse("2026-11-23T10:00:00Z"), null));
      assertThat(timeline.stops()).isEmpty();
      assertThat(timeline.isStopped()).isFalse();
    }
  }
}
