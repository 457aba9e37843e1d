package org.itsupport.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The requester says the fix did not hold: count the reopen; the resolution clock runs on from where it stopped. */
@Component("reopenTicket")
public class ReopenTicket implements JavaDelegate {

  private final SlaKeeper sla;

  public ReopenTicket(SlaKeeper sla) {
    this.sla = sla;
  }

  @Override
  public void execute(DelegateExecution execution) {
    sla.reopen(execution);
  }
}
