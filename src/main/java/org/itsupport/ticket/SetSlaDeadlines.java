package org.itsupport.ticket;

import static org.itsupport.ticket.TicketVariables.*;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.itsupport.sla.SlaDeadlines;
import org.itsupport.sla.SlaTargets;
import org.springframework.stereotype.Component;

/**
 * Turns the SLA decision's targets into deadlines counted from submission. After a priority correction
 * it records the change and moves the pending SLA timers to the new deadlines.
 */
@Component("setSlaDeadlines")
public class SetSlaDeadlines implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    SlaTargets targets = SlaTargets.parse(
        (String) execution.getVariable(RESPONSE_TARGET), (String) execution.getVariable(RESOLUTION_TARGET));
    Instant submittedAt = ((Date) execution.getVariable(SUBMITTED_AT)).toInstant();
    SlaDeadlines deadlines = targets.from(submittedAt);

    String priority = (String) execution.getVariable(PRIORITY);
    String previousPriority = (String) execution.getVariable(SLA_PRIORITY);
    if (previousPriority != null && !previousPriority.equals(priority)) {
      execution.setVariable(PRIORITY_CORRECTED_FROM, previousPriority);
      execution.setVariable(PRIORITY_CORRECTED_AT, EngineClock.nowAsDate());
    }
    // a response already given is history: its deadline stays the one it was measured against
    if (execution.getVariable(FIRST_RESPONSE_AT) == null) {
      execution.setVariable(RESPONSE_DUE_AT, Date.from(deadlines.responseDueAt()));
    }
    execution.setVariable(RESOLUTION_DUE_AT, Date.from(deadlines.resolutionDueAt()));
    execution.setVariable(SLA_PRIORITY, priority);

    rescheduleSlaTimers(execution);
  }

  /** Timers keep the date they were created with; re-evaluating their expression moves them. */
  private static void rescheduleSlaTimers(DelegateExecution execution) {
    ManagementService management = execution.getProcessEngineServices().getManagementService();
    for (String timer : List.of(TicketProcess.RESPONSE_SLA_TIMER, TicketProcess.RESOLUTION_SLA_TIMER)) {
      for (Job job : management.createJobQuery().processInstanceId(execution.getProcessInstanceId())
          .timers().activityId(timer).list()) {
        management.recalculateJobDuedate(job.getId(), false);
      }
    }
  }
}
