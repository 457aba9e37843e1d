package org.itsupport.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The watch timer fired: is an escalation level really due now, or when to look again. */
@Component("checkEscalationDue")
public class CheckEscalationDue implements JavaDelegate {

  private final SlaKeeper sla;

  public CheckEscalationDue(SlaKeeper sla) {
    this.sla = sla;
  }

  @Override
  public void execute(DelegateExecution execution) {
    sla.checkEscalationDue(execution);
  }
}
