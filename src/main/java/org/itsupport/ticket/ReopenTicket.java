package org.itsupport.ticket;

import static org.itsupport.ticket.TicketVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The requester says the fix did not hold: count the reopen and send the ticket back into resolution. */
@Component("reopenTicket")
public class ReopenTicket implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    int reopenCount = (Integer) execution.getVariable(REOPEN_COUNT);
    execution.setVariable(REOPEN_COUNT, reopenCount + 1);
    execution.setVariable(REOPENED_AT, EngineClock.nowAsDate());
  }
}
