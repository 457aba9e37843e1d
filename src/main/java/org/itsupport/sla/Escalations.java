package org.itsupport.sla;

import static org.itsupport.model.TicketVariables.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itsupport.shared.EngineClock;
import org.itsupport.shared.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * What happens when an SLA timer fires: {@link #fired} (the timer's listener) says which SLA and rung, the
 * escalation decision says whom it concerns, and "Escalate ticket" ({@link #getEscalate}) records it on the ticket,
 * tells whom the decision names and raises the priority if it says so.
 */
@Component("escalations")
public class Escalations {

  private static final List<String> PRIORITIES = List.of("P4", "P3", "P2", "P1");

  private final BusinessCalendar calendar;

  public Escalations(BusinessCalendar calendar) {
    this.calendar = calendar;
  }

  /** The timer of a rung fired: the escalation decision and the task that follow are about this SLA and rung. */
  public void fired(DelegateExecution ticket, String slaType, String rung) {
    ticket.setVariable(SLA_TYPE, slaType);
    ticket.setVariable(ESCALATION_RUNG, rung);
  }

  /** "Escalate ticket": record the rung with the decision's output, tell whom it says, raise the priority if so. */
  public JavaDelegate getEscalate() {
    return this::escalate;
  }

  private void escalate(DelegateExecution ticket) {
    String slaType = (String) ticket.getVariable(SLA_TYPE);
    String rung = (String) ticket.getVariable(ESCALATION_RUNG);
    int level = SlaTimers.level(rung);
    int percent = SlaTimers.percent(ticket, rung);
    String group = (String) ticket.getVariable(ESCALATION_GROUP);
    String notify = (String) ticket.getVariable(NOTIFY);
    boolean raisePriority = Boolean.TRUE.equals(ticket.getVariable(RAISE_PRIORITY));
    Instant now = EngineClock.now();

    List<SlaEscalation> escalations = new ArrayList<>(JsonVariables.readList(ticket, SLA_ESCALATIONS, SlaEscalation.class));
    escalations.add(new SlaEscalation(slaType, level, rung, percent, now, group, notify, raisePriority, null, null, null));
    ticket.setVariable(SLA_ESCALATIONS, JsonVariables.list(escalations));
    if (SlaTimers.BREACHED.equals(rung)) {
      boolean response = TicketSla.RESPONSE.equals(slaType);
      ticket.setVariable(response ? RESPONSE_SLA_BREACHED : RESOLUTION_SLA_BREACHED, true);
      ticket.setVariable(response ? RESPONSE_BREACHED_AT : RESOLUTION_BREACHED_AT, Date.from(now));
    }
    // the task is due by the deadline while it lies ahead, else now
    TicketSla sla = TicketSla.of(ticket, calendar);
    Instant deadline = (TicketSla.RESPONSE.equals(slaType) ? sla.responseDue() : sla.resolutionDue()).orElse(now);
    ticket.setVariable(ESCALATION_DUE_AT, Date.from(deadline.isAfter(now) ? deadline : now));
    ticket.setVariable(THRESHOLD_PERCENT, percent);
    ticket.setVariable(ESCALATION_LEVEL, level);

    if (raisePriority) {
      raisePriority(ticket, sla.priority, slaType, rung);
    }
  }

  private static void raisePriority(DelegateExecution ticket, String priority, String slaType, String rung) {
    int index = PRIORITIES.indexOf(priority);
    if (index < 0 || index == PRIORITIES.size() - 1) {
      return; // P1 is as urgent as it gets
    }
    ticket.setVariable(PRIORITY_CORRECTION_REASON, "Raised when the " + slaType + " SLA was " + rung);
    // the "Priority changed" event subprocess recomputes the SLA targets for the new priority
    ticket.setVariable(PRIORITY, PRIORITIES.get(index + 1));
  }
}
