package org.itsupport.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** An escalation level is due: record it, tell whom the decision names, raise the priority if it says so. */
@Component("escalateTicket")
public class EscalateTicket implements JavaDelegate {

  private final SlaKeeper sla;

  public EscalateTicket(SlaKeeper sla) {
    this.sla = sla;
  }

  @Override
  public void execute(DelegateExecution execution) {
    sla.escalate(execution);
  }
}
