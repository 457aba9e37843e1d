package org.itsupport.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After a priority change: new deadlines with the time already spent, timers and open tasks moved. */
@Component("updateSlaDeadlines")
public class UpdateSlaDeadlines implements JavaDelegate {

  private final SlaKeeper sla;

  public UpdateSlaDeadlines(SlaKeeper sla) {
    this.sla = sla;
  }

  @Override
  public void execute(DelegateExecution execution) {
    sla.priorityChanged(execution);
  }
}
