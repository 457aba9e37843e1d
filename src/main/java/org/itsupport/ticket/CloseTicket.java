package org.itsupport.ticket;

import static org.itsupport.ticket.TicketVariables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itsupport.sla.SlaDeadlines;
import org.springframework.stereotype.Component;

/** Stores the closing record: when, and whether the response and resolution SLAs were met. */
@Component("closeTicket")
public class CloseTicket implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(CLOSED_AT, EngineClock.nowAsDate());
    execution.setVariable(RESPONSE_SLA_MET, met(execution, FIRST_RESPONSE_AT, RESPONSE_DUE_AT));
    execution.setVariable(RESOLUTION_SLA_MET, met(execution, RESOLVED_AT, RESOLUTION_DUE_AT));
  }

  private static boolean met(DelegateExecution execution, String doneAt, String dueAt) {
    Date done = (Date) execution.getVariable(doneAt);
    Date due = (Date) execution.getVariable(dueAt);
    return SlaDeadlines.met(done.toInstant(), due.toInstant());
  }
}
