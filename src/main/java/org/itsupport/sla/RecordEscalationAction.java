package org.itsupport.sla;

import static org.itsupport.model.TicketVariables.ESCALATION_ACTION;
import static org.itsupport.model.TicketVariables.ESCALATION_LEVEL;
import static org.itsupport.model.TicketVariables.SLA_ESCALATIONS;
import static org.itsupport.model.TicketVariables.SLA_TYPE;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.itsupport.shared.CompletingUser;
import org.itsupport.shared.EngineClock;
import org.itsupport.shared.JsonVariables;
import org.springframework.stereotype.Component;

/** Adds what the escalation group did, and who, to the record of the rung its task was about. */
@Component("recordEscalationAction")
public class RecordEscalationAction implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    // the task's own (local) copies say which rung it is about
    String slaType = (String) task.getVariable(SLA_TYPE);
    int level = ((Number) task.getVariable(ESCALATION_LEVEL)).intValue();
    List<SlaEscalation> escalations = new ArrayList<>(
        JsonVariables.readList(task.getExecution(), SLA_ESCALATIONS, SlaEscalation.class));
    for (int i = 0; i < escalations.size(); i++) {
      SlaEscalation escalation = escalations.get(i);
      if (escalation.slaType().equals(slaType) && escalation.level() == level && escalation.actedAt() == null) {
        escalations.set(i, escalation.actedOn((String) task.getVariable(ESCALATION_ACTION), CompletingUser.of(task),
            EngineClock.now()));
      }
    }
    task.getExecution().setVariable(SLA_ESCALATIONS, JsonVariables.list(escalations));
  }
}
