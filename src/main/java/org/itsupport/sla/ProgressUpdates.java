package org.itsupport.sla;

import static org.itsupport.model.TicketVariables.PROGRESS_UPDATE_EVERY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.itsupport.shared.RepeatingTimers;
import org.springframework.stereotype.Component;

/**
 * When the requester next hears where their ticket stands: {@code progressUpdateEvery} working hours from now.
 * "Progress update due" is a repeating timer whose cycle the engine works out again each time it fires
 * (reevaluateTimeCycleWhenDue), so each repetition is counted on the business calendar from the last one, and
 * from the ticket's priority of the moment. The cycle's first date is that moment; its period never applies.
 */
@Component("progressUpdates")
public class ProgressUpdates {

  private final WorkingTime workingTime;

  public ProgressUpdates(WorkingTime workingTime) {
    this.workingTime = workingTime;
  }

  public String cycle(DelegateExecution ticket) {
    return RepeatingTimers.nextAt(workingTime.after((String) ticket.getVariable(PROGRESS_UPDATE_EVERY)).toInstant());
  }
}
