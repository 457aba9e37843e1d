package org.itsupport.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores the closing record: when, whether each SLA was met, business minutes, time paused. */
@Component("closeTicket")
public class CloseTicket implements JavaDelegate {

  private final SlaKeeper sla;

  public CloseTicket(SlaKeeper sla) {
    this.sla = sla;
  }

  @Override
  public void execute(DelegateExecution execution) {
    sla.close(execution);
  }
}
