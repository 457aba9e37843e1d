package org.itsupport.sla;

import static org.itsupport.model.TicketVariables.AT_RISK_PERCENT;
import static org.itsupport.model.TicketVariables.ESCALATED_PERCENT;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.itsupport.model.TicketProcess;
import org.springframework.stereotype.Component;

/**
 * The due dates of the SLA boundary timers on the ticket's stages: each rung of the escalation ladder ("at risk",
 * "breached", "escalated") fires when its share of the SLA target has run on the ticket's clock. The timers'
 * expressions call {@link #due}; when the clocks stand still or the targets change, {@link #move} has the engine
 * evaluate them again (Camunda's due-date recalculation), so Cockpit always shows the date a timer will fire.
 */
@Component("slaTimers")
public class SlaTimers {

  public static final String AT_RISK = "at risk";
  public static final String BREACHED = "breached";
  public static final String ESCALATED = "escalated";
  /** The rungs in order: their level numbers on the ticket's record. */
  static final List<String> RUNGS = List.of(AT_RISK, BREACHED, ESCALATED);

  private final BusinessCalendar calendar;

  public SlaTimers(BusinessCalendar calendar) {
    this.calendar = calendar;
  }

  /** When the rung of the "response" or "resolution" SLA is reached, as the timer's date. */
  public Date due(VariableScope ticket, String slaType, String rung) {
    return Date.from(TicketSla.of(ticket, calendar).whenShareElapsed(slaType, percent(ticket, rung)));
  }

  /** The rung's share of the target, in percent: the SLA decision sets those before and after the breach. */
  static int percent(VariableScope ticket, String rung) {
    return switch (rung) {
      case AT_RISK -> number(ticket, AT_RISK_PERCENT);
      case BREACHED -> 100;
      case ESCALATED -> number(ticket, ESCALATED_PERCENT);
      default -> throw new IllegalArgumentException("No SLA rung '" + rung + "' (there are " + RUNGS + ")");
    };
  }

  static int level(String rung) {
    return RUNGS.indexOf(rung) + 1;
  }

  /** Every SLA timer of the ticket evaluates its date again; the users who pause or answer may not touch jobs. */
  void move(DelegateExecution ticket) {
    ManagementService management = ticket.getProcessEngineServices().getManagementService();
    Context.getCommandContext().runWithoutAuthorization(() -> {
      for (Job timer : management.createJobQuery().processInstanceId(ticket.getProcessInstanceId()).timers().list()) {
        if (TicketProcess.SLA_TIMERS.contains(((JobEntity) timer).getActivityId())) {
          management.recalculateJobDuedate(timer.getId(), false);
        }
      }
      return null;
    });
  }

  private static int number(VariableScope ticket, String name) {
    Object value = ticket.getVariable(name);
    if (!(value instanceof Number number)) {
      throw new IllegalStateException(name + ": the SLA decision gave no percentage");
    }
    return number.intValue();
  }

}
