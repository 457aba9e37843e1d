package org.itsupport.ticket;

import static org.itsupport.ticket.TicketVariables.QUESTION_ASKED_FROM;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** An agent asked the requester a question: the SLA clocks stand still; the model says who asked (input). */
@Component("pauseSlaClocks")
public class PauseSlaClocks implements JavaDelegate {

  private final SlaKeeper sla;

  public PauseSlaClocks(SlaKeeper sla) {
    this.sla = sla;
  }

  @Override
  public void execute(DelegateExecution execution) {
    sla.pause(execution, (String) execution.getVariableLocal(QUESTION_ASKED_FROM));
  }
}
