package org.itsupport.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which escalation level fires next. Each SLA escalates in levels 1, 2, 3, …; a level fires once, when the
 * SLA clock has run its threshold (a share of the target), and the next level is the one after the highest
 * that fired. A level the escalation table does not define ends that SLA's escalations.
 */
public final class EscalationSchedule {

  private EscalationSchedule() {
  }

  /** One running SLA: its clock, target, time line and the highest level that already fired (0 = none). */
  public record Running(String slaType, SlaClock clock, SlaTarget target, SlaTimeline timeline, int highestFiredLevel) {
  }

  /** The threshold of a level as a percentage of the target, if the table defines the level. */
  public interface Thresholds {
    OptionalInt percent(String slaType, int level);
  }

  public record NextEscalation(String slaType, int level, Instant at) {
  }

  /** The earliest next level over the running SLAs; empty if none is defined or every clock stands still. */
  public static Optional<NextEscalation> next(List<Running> slas, Thresholds thresholds) {
    return slas.stream()
        .flatMap(sla -> next(sla, thresholds).stream())
        .min(Comparator.comparing(NextEscalation::at));
  }

  private static Optional<NextEscalation> next(Running sla, Thresholds thresholds) {
    int level = sla.highestFiredLevel() + 1;
    OptionalInt percent = thresholds.percent(sla.slaType(), level);
    if (percent.isEmpty()) {
      return Optional.empty();
    }
    Duration share = sla.clock().lengthOf(sla.target()).multipliedBy(percent.getAsInt()).dividedBy(100);
    return sla.timeline().whenElapsed(sla.clock(), share).map(at -> new NextEscalation(sla.slaType(), level, at));
  }
}
