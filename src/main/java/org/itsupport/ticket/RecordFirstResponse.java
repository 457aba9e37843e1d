package org.itsupport.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The first-line agent has decided (fix recorded or escalated): the response SLA is done. */
@Component("recordFirstResponse")
public class RecordFirstResponse implements JavaDelegate {

  private final SlaKeeper sla;

  public RecordFirstResponse(SlaKeeper sla) {
    this.sla = sla;
  }

  @Override
  public void execute(DelegateExecution execution) {
    sla.recordFirstResponse(execution);
  }
}
