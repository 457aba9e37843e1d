package org.itsupport.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Starts the SLA clocks at submission: deadlines, the first escalation level, the requester's receipt. */
@Component("startSlaClocks")
public class StartSlaClocks implements JavaDelegate {

  private final SlaKeeper sla;

  public StartSlaClocks(SlaKeeper sla) {
    this.sla = sla;
  }

  @Override
  public void execute(DelegateExecution execution) {
    sla.start(execution);
  }
}
