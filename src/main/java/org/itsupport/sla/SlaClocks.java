package org.itsupport.sla;

import static org.itsupport.model.TicketVariables.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.itsupport.shared.EngineClock;
import org.itsupport.shared.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * The ticket's two SLA clocks: started at submission, stopped while the requester is asked something or has
 * the fix to verify, ended by the first response and the fix. What changes when they stand still or run again
 * is the deadlines; {@link SlaTimers} then moves the boundary timers and {@link OpenTasks} the tasks' due dates.
 */
@Component
public class SlaClocks {

  private final BusinessCalendar calendar;
  private final SlaTimers timers;
  private final OpenTasks openTasks;

  public SlaClocks(BusinessCalendar calendar, SlaTimers timers, OpenTasks openTasks) {
    this.calendar = calendar;
    this.timers = timers;
    this.openTasks = openTasks;
  }

  /** At registration: the clocks start at submission. */
  public void start(DelegateExecution ticket) {
    ticket.setVariable(SLA_PRIORITY, ticket.getVariable(PRIORITY));
    refreshDeadlines(ticket);
  }

  /** The first-line agent decided (fix or escalation): the response clock stops for good. */
  public void recordFirstResponse(DelegateExecution ticket) {
    ticket.setVariable(FIRST_RESPONSE_AT, EngineClock.nowAsDate());
  }

  /**
   * An agent asked the requester a question: both clocks stand still until the answer or its deadline. Runs in
   * the question, whose process instance gets the dates its reminder and deadline wait for.
   */
  public void pause(DelegateExecution question) {
    DelegateExecution ticket = ticketOf(question);
    TicketSla sla = TicketSla.of(ticket, calendar);
    if (sla.isPaused()) {
      throw new IllegalStateException("The SLA clocks of ticket " + ticket.getProcessBusinessKey() + " already stand still");
    }
    Instant now = EngineClock.now();
    String askedFrom = (String) question.getVariable(QUESTION_ASKED_FROM);
    String askedBy = (String) ticket.getVariable("first-line".equals(askedFrom) ? FIRST_LINE_AGENT : PLANNED_BY);
    List<SlaPause> pauses = new ArrayList<>(sla.pauses);
    pauses.add(new SlaPause(SlaPause.QUESTION, "Question to the requester: " + ticket.getVariable(QUESTION_FOR_REQUESTER),
        now, null, askedBy));
    ticket.setVariable(SLA_PAUSES, JsonVariables.list(pauses));

    SlaClock clock = sla.clock;
    Date reminder = Date.from(clock.plus(now, clock.lengthOf(target(ticket, ANSWER_REMINDER))));
    Date deadline = Date.from(clock.plus(now, clock.lengthOf(target(ticket, ANSWER_DEADLINE))));
    ticket.setVariable(QUESTION_ASKED_AT, Date.from(now));
    for (VariableScope scope : List.of(ticket, question)) {
      scope.setVariable(ANSWER_REMINDER_AT, reminder);
      scope.setVariable(ANSWER_DEADLINE_AT, deadline);
    }
    ticket.setVariable(QUESTION_ASKED_FROM, askedFrom);
    ticket.removeVariable(REQUESTER_ANSWER);
    ticket.removeVariable(ANSWER_OUTCOME);
    changed(ticket);
  }

  /** The requester answered, or the wait reached its deadline: the clocks run on with the time they had left. */
  public void resume(DelegateExecution question) {
    DelegateExecution ticket = ticketOf(question);
    TicketSla sla = TicketSla.of(ticket, calendar);
    if (!sla.isPaused()) {
      throw new IllegalStateException("The SLA clocks of ticket " + ticket.getProcessBusinessKey() + " are not paused");
    }
    List<SlaPause> pauses = new ArrayList<>(sla.pauses);
    pauses.set(pauses.size() - 1, pauses.get(pauses.size() - 1).endedAt(EngineClock.now()));
    ticket.setVariable(SLA_PAUSES, JsonVariables.list(pauses));
    Object answer = question.getVariable(REQUESTER_ANSWER);
    ticket.setVariable(ANSWER_OUTCOME, answer instanceof String text && !text.isBlank() ? "answered" : "no-answer");
    changed(ticket);
  }

  /**
   * The requester says the fix did not hold: the time between the fix and now did not count against the
   * resolution, which runs on from where it stopped.
   */
  public void reopen(DelegateExecution ticket) {
    TicketSla sla = TicketSla.of(ticket, calendar);
    Instant now = EngineClock.now();
    List<SlaPause> pauses = new ArrayList<>(sla.pauses);
    pauses.add(new SlaPause(SlaPause.VERIFICATION, "Fix delivered, then reopened by the requester",
        sla.resolvedAt, now, (String) ticket.getVariable(REQUESTER_ID)));
    ticket.setVariable(SLA_PAUSES, JsonVariables.list(pauses));
    ticket.removeVariable(RESOLVED_AT);
    ticket.setVariable(REOPEN_COUNT, (Integer) ticket.getVariable(REOPEN_COUNT) + 1);
    ticket.setVariable(REOPENED_AT, Date.from(now));
    refreshDeadlines(ticket);
  }

  /** The SLA targets were recomputed for a new priority: the time already spent counts against the new targets. */
  public void priorityChanged(DelegateExecution ticket) {
    Object previous = ticket.getVariable(SLA_PRIORITY);
    Object priority = ticket.getVariable(PRIORITY);
    if (previous != null && !previous.equals(priority)) {
      ticket.setVariable(PRIORITY_CORRECTED_FROM, previous);
      ticket.setVariable(PRIORITY_CORRECTED_AT, EngineClock.nowAsDate());
    }
    ticket.setVariable(SLA_PRIORITY, priority);
    changed(ticket);
  }

  /**
   * At close: whether each SLA was met, business minutes to first response and to resolution, time paused, and
   * how the requester's part ended.
   */
  public void close(DelegateExecution ticket) {
    TicketSla sla = TicketSla.of(ticket, calendar);
    SlaClock businessHours = new SlaClock.BusinessHours(calendar);
    List<SlaEscalation> escalations = JsonVariables.readList(ticket, SLA_ESCALATIONS, SlaEscalation.class);
    ticket.setVariable(CLOSED_AT, EngineClock.nowAsDate());
    ticket.setVariable(RESPONSE_SLA_MET, !sla.left(sla.responseTarget, sla.firstResponseAt).isNegative());
    ticket.setVariable(RESOLUTION_SLA_MET, !sla.left(sla.resolutionTarget, sla.resolvedAt).isNegative());
    ticket.setVariable(HIGHEST_ESCALATION_LEVEL, escalations.stream().mapToInt(SlaEscalation::level).max().orElse(0));
    ticket.setVariable(BUSINESS_MINUTES_TO_FIRST_RESPONSE,
        sla.timeline().elapsed(businessHours, sla.firstResponseAt).toMinutes());
    ticket.setVariable(BUSINESS_MINUTES_TO_RESOLUTION, sla.timeline().elapsed(businessHours, sla.resolvedAt).toMinutes());
    ticket.setVariable(TOTAL_PAUSED_MINUTES, sla.pauses.stream().filter(pause -> SlaPause.QUESTION.equals(pause.kind()))
        .mapToLong(pause -> Duration.between(pause.from(), pause.to()).toMinutes()).sum());
    boolean confirmed = "confirmed".equals(ticket.getVariable(VERIFICATION_RESULT));
    ticket.setVariable(CLOSURE_REASON, confirmed ? "confirmed" : "no-reply");
    ticket.setVariable(SURVEY_OUTCOME, !confirmed ? "not-asked"
        : Boolean.TRUE.equals(ticket.getVariable(SURVEY_SKIPPED)) ? "skipped"
        : ticket.getVariable(SCORE_RESPONSE_SPEED) == null ? "no-reply" : "rated");
  }

  /** After the clocks or the targets changed: deadlines, the boundary timers, the open tasks. */
  private void changed(DelegateExecution ticket) {
    refreshDeadlines(ticket);
    timers.move(ticket);
    openTasks.update(ticket);
  }

  /** Deadlines, and the minutes left, as the forms and task due dates use them; unchanged values stay as they are. */
  private void refreshDeadlines(DelegateExecution ticket) {
    TicketSla sla = TicketSla.of(ticket, calendar);
    Instant now = EngineClock.now();
    sla.responseDue().ifPresent(due -> update(ticket, RESPONSE_DUE_AT, Date.from(due)));
    sla.resolutionDue().ifPresent(due -> update(ticket, RESOLUTION_DUE_AT, Date.from(due)));
    if (sla.firstResponseAt == null) {
      update(ticket, RESPONSE_MINUTES_LEFT, sla.left(sla.responseTarget, now).toMinutes());
    }
    if (sla.resolvedAt == null) {
      update(ticket, RESOLUTION_MINUTES_LEFT, sla.left(sla.resolutionTarget, now).toMinutes());
    }
    update(ticket, SLA_PAUSED, sla.isPaused());
  }

  /** The engine writes (and records in history) every set, also of an equal value. */
  private static void update(VariableScope ticket, String name, Object value) {
    if (!value.equals(ticket.getVariable(name))) {
      ticket.setVariable(name, value);
    }
  }

  private static SlaTarget target(VariableScope ticket, String name) {
    return SlaTarget.parse(name, (String) ticket.getVariable(name));
  }

  /** The question's process instance was called by the ticket: its super execution is the ticket's. */
  private static DelegateExecution ticketOf(DelegateExecution question) {
    DelegateExecution ticket = question.getProcessInstance().getSuperExecution();
    if (ticket == null) {
      throw new IllegalStateException("The question " + question.getProcessInstanceId() + " was not asked by a ticket");
    }
    return ticket;
  }
}
