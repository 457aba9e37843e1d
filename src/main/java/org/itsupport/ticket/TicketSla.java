package org.itsupport.ticket;

import org.itsupport.shared.JsonVariables;
import static org.itsupport.model.TicketVariables.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.itsupport.sla.BusinessCalendar;
import org.itsupport.sla.EscalationSchedule;
import org.itsupport.sla.SlaClock;
import org.itsupport.sla.SlaTarget;
import org.itsupport.sla.SlaTimeline;

/**
 * A ticket's SLA as its variables describe it: the clock and targets from the SLA decision, when the clocks
 * started, when they stood still, and what stopped them (the first response; the delivered fix).
 */
final class TicketSla {

  static final String RESPONSE = "response";
  static final String RESOLUTION = "resolution";

  final BusinessCalendar calendar;
  final SlaClock clock;
  final SlaTarget responseTarget;
  final SlaTarget resolutionTarget;
  final String priority;
  final Instant submittedAt;
  final Instant firstResponseAt;
  final Instant resolvedAt;
  final List<SlaPause> pauses;
  final List<SlaEscalation> escalations;

  private TicketSla(VariableScope ticket, BusinessCalendar calendar) {
    this.calendar = calendar;
    this.clock = SlaClock.of((String) ticket.getVariable(SLA_CLOCK), calendar);
    this.responseTarget = SlaTarget.parse(RESPONSE_TARGET, (String) ticket.getVariable(RESPONSE_TARGET));
    this.resolutionTarget = SlaTarget.parse(RESOLUTION_TARGET, (String) ticket.getVariable(RESOLUTION_TARGET));
    this.priority = (String) ticket.getVariable(PRIORITY);
    this.submittedAt = instant(ticket, SUBMITTED_AT);
    this.firstResponseAt = instant(ticket, FIRST_RESPONSE_AT);
    this.resolvedAt = instant(ticket, RESOLVED_AT);
    this.pauses = JsonVariables.readList(ticket, SLA_PAUSES, SlaPause.class);
    this.escalations = JsonVariables.readList(ticket, SLA_ESCALATIONS, SlaEscalation.class);
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

  Optional<Instant> responseDue() {
    return timeline().whenElapsed(clock, clock.lengthOf(responseTarget));
  }

  Optional<Instant> resolutionDue() {
    return timeline().whenElapsed(clock, clock.lengthOf(resolutionTarget));
  }

  /** Clock time left of a target at {@code at}; negative when overdue. */
  Duration left(SlaTarget target, Instant at) {
    return clock.lengthOf(target).minus(timeline().elapsed(clock, at));
  }

  /** The SLAs whose clocks still count: the response until the first response, the resolution until the fix. */
  List<EscalationSchedule.Running> running() {
    List<EscalationSchedule.Running> running = new ArrayList<>();
    if (firstResponseAt == null) {
      running.add(new EscalationSchedule.Running(RESPONSE, clock, responseTarget, timeline(), highestFired(RESPONSE)));
    }
    if (resolvedAt == null) {
      running.add(new EscalationSchedule.Running(RESOLUTION, clock, resolutionTarget, timeline(),
          highestFired(RESOLUTION)));
    }
    return running;
  }

  int highestFired(String slaType) {
    return escalations.stream().filter(escalation -> escalation.slaType().equals(slaType))
        .mapToInt(SlaEscalation::level).max().orElse(0);
  }

  private static Instant instant(VariableScope ticket, String name) {
    Object value = ticket.getVariable(name);
    return value == null ? null : ((Date) value).toInstant();
  }
}
