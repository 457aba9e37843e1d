package org.itsupport.sla;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The SLA service tasks of the ticket and of the question it asks, each a delegate over {@link SlaClocks}: the
 * models call them as {@code ${slaSteps.start}}, {@code ${slaSteps.pause}} and so on.
 */
@Component("slaSteps")
public class SlaSteps {

  private final SlaClocks clocks;

  public SlaSteps(SlaClocks clocks) {
    this.clocks = clocks;
  }

  /** "Start SLA clocks": deadlines from submission, the requester's receipt. */
  public JavaDelegate getStart() {
    return clocks::start;
  }

  /** "Record first response": the first-line agent decided (fix or escalation); the response SLA is done. */
  public JavaDelegate getRecordFirstResponse() {
    return clocks::recordFirstResponse;
  }

  /** The question's "Pause SLA clocks": the ticket waits for the requester. */
  public JavaDelegate getPause() {
    return clocks::pause;
  }

  /** The question's "Resume SLA clocks": answered, or the wait reached its deadline. */
  public JavaDelegate getResume() {
    return clocks::resume;
  }

  /** "Update SLA deadlines": new targets after a priority change, keeping the time already spent. */
  public JavaDelegate getPriorityChanged() {
    return clocks::priorityChanged;
  }

  /** "Reopen ticket": the fix did not hold; the resolution clock runs on from where it stopped. */
  public JavaDelegate getReopen() {
    return clocks::reopen;
  }

  /** "Close ticket": met or missed, business minutes, time paused, how the requester's part ended. */
  public JavaDelegate getClose() {
    return clocks::close;
  }
}
