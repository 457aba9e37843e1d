package org.itsupport.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The requester answered, or the wait ended at its deadline: the SLA clocks run on. */
@Component("resumeSlaClocks")
public class ResumeSlaClocks implements JavaDelegate {

  private final SlaKeeper sla;

  public ResumeSlaClocks(SlaKeeper sla) {
    this.sla = sla;
  }

  @Override
  public void execute(DelegateExecution execution) {
    sla.resume(execution);
  }
}
