package org.itsupport.ticket;

import static org.itsupport.ticket.TicketVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records on the ticket that an SLA was breached and when; the model passes which one as slaType. */
@Component("recordSlaBreach")
public class RecordSlaBreach implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Object slaType = execution.getVariable(SLA_TYPE);
    if ("response".equals(slaType)) {
      execution.setVariable(RESPONSE_SLA_BREACHED, true);
      execution.setVariable(RESPONSE_BREACHED_AT, EngineClock.nowAsDate());
    } else if ("resolution".equals(slaType)) {
      execution.setVariable(RESOLUTION_SLA_BREACHED, true);
      execution.setVariable(RESOLUTION_BREACHED_AT, EngineClock.nowAsDate());
    } else {
      throw new IllegalArgumentException(SLA_TYPE + ": '" + slaType + "' is neither 'response' nor 'resolution'");
    }
  }
}
