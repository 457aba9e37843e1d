package org.itsupport.sla;

import static org.itsupport.model.TicketVariables.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.itsupport.shared.JsonVariables;

/**
 * A ticket's SLA as its variables describe it: the clock and targets from the SLA decision, when the clocks
 * started, when they stood still, and what stopped them (the first response; the delivered fix).
 */
final class TicketSla {

  static final String RESPONSE = "response";
  static final String RESOLUTION = "resolution";

  final SlaClock clock;
  final SlaTarget responseTarget;
  final SlaTarget resolutionTarget;
  final String priority;
  final Instant submittedAt;
  final Instant firstResponseAt;
  final Instant resolvedAt;
  /** The latest a wait for the requester's answer can end: the answer's deadline. */
  final Instant waitEndsAt;
  final List<SlaPause> pauses;

  private TicketSla(VariableScope ticket, BusinessCalendar calendar) {
    this.clock = SlaClock.of((String) ticket.getVariable(SLA_CLOCK), calendar);
    this.responseTarget = SlaTarget.parse(RESPONSE_TARGET, (String) ticket.getVariable(RESPONSE_TARGET));
    this.resolutionTarget = SlaTarget.parse(RESOLUTION_TARGET, (String) ticket.getVariable(RESOLUTION_TARGET));
    this.priority = (String) ticket.getVariable(PRIORITY);
    this.submittedAt = instant(ticket, SUBMITTED_AT);
    this.firstResponseAt = instant(ticket, FIRST_RESPONSE_AT);
    this.resolvedAt = instant(ticket, RESOLVED_AT);
    this.waitEndsAt = instant(ticket, ANSWER_DEADLINE_AT);
    this.pauses = JsonVariables.readList(ticket, SLA_PAUSES, SlaPause.class);
  }

  static TicketSla of(VariableScope ticket, BusinessCalendar calendar) {
    return new TicketSla(ticket, calendar);
  }

  /** The clocks run from submission and stand still during every pause; both share this time line. */
  SlaTimeline timeline() {
    return new SlaTimeline(submittedAt, pauses.stream().map(pause -> new SlaTimeline.Stop(pause.from(), pause.to()))
        .toList(), null);
  }

  boolean isPaused() {
    return !pauses.isEmpty() && pauses.get(pauses.size() - 1).to() == null;
  }

  SlaTarget target(String slaType) {
    return RESPONSE.equals(slaType) ? responseTarget : resolutionTarget;
  }

  Optional<Instant> responseDue() {
    return timeline().whenElapsed(clock, clock.lengthOf(responseTarget));
  }

  Optional<Instant> resolutionDue() {
    return timeline().whenElapsed(clock, clock.lengthOf(resolutionTarget));
  }

  /**
   * When {@code percent} of an SLA's target has run on its clock. While the clocks stand still, as if they ran
   * again when the wait ends at the latest: a timer set to this date cannot fire during the wait, and the answer
   * moves it earlier.
   */
  Instant whenShareElapsed(String slaType, int percent) {
    Duration share = clock.lengthOf(target(slaType)).multipliedBy(percent).dividedBy(100);
    SlaTimeline timeline = timeline();
    if (timeline.isStopped()) {
      if (waitEndsAt == null) {
        throw new IllegalStateException("The SLA clocks stand still, but the wait has no end (" + ANSWER_DEADLINE_AT + ")");
      }
      timeline = timeline.withStopEnded(waitEndsAt);
    }
    return timeline.whenElapsed(clock, share).orElseThrow();
  }

  /** Clock time left of a target at {@code at}; negative when overdue. */
  Duration left(SlaTarget target, Instant at) {
    return clock.lengthOf(target).minus(timeline().elapsed(clock, at));
  }

  private static Instant instant(VariableScope ticket, String name) {
    Object value = ticket.getVariable(name);
    return value == null ? null : ((Date) value).toInstant();
  }
}
