package org.itsupport.ticket;

import static org.itsupport.model.TicketVariables.QUESTION_ASKED_FROM;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The SLA service tasks of the ticket process, each a delegate over {@link SlaKeeper}: the model calls them as
 * {@code ${slaSteps.start}}, {@code ${slaSteps.pause}} and so on.
 */
@Component("slaSteps")
public class SlaSteps {

  private final SlaKeeper sla;

  public SlaSteps(SlaKeeper sla) {
    this.sla = sla;
  }

  /** "Start SLA clocks": deadlines from submission, the first escalation level, the requester's receipt. */
  public JavaDelegate getStart() {
    return sla::start;
  }

  /** "Record first response": the first-line agent decided (fix or escalation); the response SLA is done. */
  public JavaDelegate getRecordFirstResponse() {
    return sla::recordFirstResponse;
  }

  /** "Pause SLA clocks": a question to the requester; the model passes who asked as a local input. */
  public JavaDelegate getPause() {
    return execution -> sla.pause(execution, (String) execution.getVariableLocal(QUESTION_ASKED_FROM));
  }

  /** "Resume SLA clocks": answered, or the wait reached its deadline. */
  public JavaDelegate getResume() {
    return sla::resume;
  }

  /** "Update SLA deadlines": new targets after a priority change, keeping the time already spent. */
  public JavaDelegate getPriorityChanged() {
    return sla::priorityChanged;
  }

  /** "Check escalation due": the watch timer fired; is a level really due, or when to look again. */
  public JavaDelegate getCheckEscalationDue() {
    return sla::checkEscalationDue;
  }

  /** "Escalate ticket": record the level, tell whom the decision names, raise the priority if it says so. */
  public JavaDelegate getEscalate() {
    return sla::escalate;
  }

  /** "Reopen ticket": the fix did not hold; the resolution clock runs on from where it stopped. */
  public JavaDelegate getReopen() {
    return sla::reopen;
  }

  /** "Close ticket": met or missed, business minutes, time paused. */
  public JavaDelegate getClose() {
    return sla::close;
  }
}
