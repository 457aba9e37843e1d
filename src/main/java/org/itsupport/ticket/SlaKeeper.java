package org.itsupport.ticket;

import org.itsupport.model.TicketProcess;
import org.itsupport.shared.EngineClock;
import org.itsupport.shared.JsonVariables;
import static org.itsupport.model.TicketVariables.*;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.itsupport.notification.TicketNotifications;
import org.itsupport.sla.BusinessCalendar;
import org.itsupport.sla.EscalationSchedule;
import org.itsupport.sla.EscalationSchedule.NextEscalation;
import org.itsupport.sla.SlaClock;
import org.itsupport.sla.SlaTarget;
import org.springframework.stereotype.Component;

/**
 * Keeps a ticket's SLA: deadlines and time left, pauses, the next escalation level, the watch timer and the
 * due dates and priorities of its open tasks. The steps that move timers or tasks run in asynchronous
 * continuations (no signed-in user), because the users who trigger them may not touch those engine objects.
 */
@Component
public class SlaKeeper {

  /** Which SLA deadline is the due date of which open task. */
  private static final Map<String, String> DUE_DATES = Map.of(
      TicketProcess.DIAGNOSE_AT_FIRST_LINE, RESPONSE_DUE_AT,
      TicketProcess.REVIEW_AND_DIAGNOSE, RESOLUTION_DUE_AT,
      TicketProcess.APPROVE_CHANGE, RESOLUTION_DUE_AT,
      TicketProcess.EXECUTE_CHANGE, RESOLUTION_DUE_AT);
  private static final List<String> PRIORITIES = List.of("P4", "P3", "P2", "P1");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm z");

  private final BusinessCalendar calendar;
  private final EscalationLevels levels;
  private final TicketNotifications notifications;

  public SlaKeeper(BusinessCalendar calendar, EscalationLevels levels, TicketNotifications notifications) {
    this.calendar = calendar;
    this.levels = levels;
    this.notifications = notifications;
  }

  /** At registration: the clocks start at submission; the requester hears when to expect a response. */
  public void start(DelegateExecution ticket) {
    ticket.setVariable(SLA_PAUSES, JsonVariables.list(List.of()));
    ticket.setVariable(SLA_ESCALATIONS, JsonVariables.list(List.of()));
    ticket.setVariable(HIGHEST_ESCALATION_LEVEL, 0);
    ticket.setVariable(SLA_PRIORITY, ticket.getVariable(PRIORITY));
    refreshDeadlines(ticket);
    scheduleNextEscalation(ticket);
    notifications.send(ticket, "requester", "Ticket " + ticket.getProcessBusinessKey() + " received",
        "We have received your ticket \"" + ticket.getVariable(TITLE) + "\" with priority " + ticket.getVariable(PRIORITY)
            + ". We will respond by " + format((Date) ticket.getVariable(RESPONSE_DUE_AT)) + ".");
  }

  /** The first-line agent decided (fix or escalation): the response clock stops for good. */
  public void recordFirstResponse(DelegateExecution ticket) {
    ticket.setVariable(FIRST_RESPONSE_AT, EngineClock.nowAsDate());
    refreshDeadlines(ticket);
  }

  /** An agent asked the requester a question: both clocks stand still until the answer or its deadline. */
  public void pause(DelegateExecution ticket, String askedFrom) {
    TicketSla sla = TicketSla.of(ticket, calendar);
    if (sla.isPaused()) {
      throw new IllegalStateException("The SLA clocks of ticket " + ticket.getProcessBusinessKey() + " already stand still");
    }
    Instant now = EngineClock.now();
    String askedBy = (String) ticket.getVariable("first-line".equals(askedFrom) ? FIRST_LINE_AGENT : PLANNED_BY);
    List<SlaPause> pauses = new ArrayList<>(sla.pauses);
    pauses.add(new SlaPause(SlaPause.QUESTION, "Question to the requester: " + ticket.getVariable(QUESTION_FOR_REQUESTER),
        now, null, askedBy));
    ticket.setVariable(SLA_PAUSES, JsonVariables.list(pauses));

    SlaClock clock = sla.clock;
    SlaTarget reminder = SlaTarget.parse(ANSWER_REMINDER, (String) ticket.getVariable(ANSWER_REMINDER));
    SlaTarget deadline = SlaTarget.parse(ANSWER_DEADLINE, (String) ticket.getVariable(ANSWER_DEADLINE));
    // the ticket's own variable, not the task's local input of the same name
    ticket.getProcessInstance().setVariable(QUESTION_ASKED_FROM, askedFrom);
    ticket.setVariable(QUESTION_ASKED_AT, Date.from(now));
    ticket.setVariable(ANSWER_REMINDER_AT, Date.from(clock.plus(now, clock.lengthOf(reminder))));
    ticket.setVariable(ANSWER_DEADLINE_AT, Date.from(clock.plus(now, clock.lengthOf(deadline))));
    ticket.removeVariable(REQUESTER_ANSWER);
    ticket.removeVariable(ANSWER_OUTCOME);
    refreshDeadlines(ticket);
  }

  /** The requester answered, or the wait reached its deadline: the clocks run on with the time they had left. */
  public void resume(DelegateExecution ticket) {
    TicketSla sla = TicketSla.of(ticket, calendar);
    if (!sla.isPaused()) {
      throw new IllegalStateException("The SLA clocks of ticket " + ticket.getProcessBusinessKey() + " are not paused");
    }
    List<SlaPause> pauses = new ArrayList<>(sla.pauses);
    pauses.set(pauses.size() - 1, pauses.get(pauses.size() - 1).endedAt(EngineClock.now()));
    ticket.setVariable(SLA_PAUSES, JsonVariables.list(pauses));
    Object answer = ticket.getVariable(REQUESTER_ANSWER);
    ticket.setVariable(ANSWER_OUTCOME, answer instanceof String text && !text.isBlank() ? "answered" : "no-answer");
    update(ticket);
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
    update(ticket);
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
    update(ticket);
  }

  /**
   * The watch timer fired. Its date may be stale (a pause, a first response or a priority change since it
   * was set), so this finds out whether a level is really due; if not, it sets the date to wait for next.
   */
  public void checkEscalationDue(DelegateExecution ticket) {
    refreshDeadlines(ticket);
    Optional<NextEscalation> next = nextEscalation(ticket);
    boolean due = next.isPresent() && !next.get().at().isAfter(EngineClock.now());
    ticket.setVariable(ESCALATION_DUE, due);
    if (due) {
      ticket.setVariable(SLA_TYPE, next.get().slaType());
      ticket.setVariable(ESCALATION_LEVEL, next.get().level());
    } else {
      writeNextEscalation(ticket, next);
    }
  }

  /** A level fired: record it with the decision's output, tell whom it says, raise the priority if it says so. */
  public void escalate(DelegateExecution ticket) {
    String slaType = (String) ticket.getVariable(SLA_TYPE);
    int level = ((Number) ticket.getVariable(ESCALATION_LEVEL)).intValue();
    int percent = ((Number) ticket.getVariable(THRESHOLD_PERCENT)).intValue();
    String label = (String) ticket.getVariable(ESCALATION_LABEL);
    String notify = (String) ticket.getVariable(NOTIFY);
    boolean raisePriority = Boolean.TRUE.equals(ticket.getVariable(RAISE_PRIORITY));
    Instant now = EngineClock.now();

    TicketSla sla = TicketSla.of(ticket, calendar);
    List<SlaEscalation> escalations = new ArrayList<>(sla.escalations);
    escalations.add(new SlaEscalation(slaType, level, label, percent, now, (String) ticket.getVariable(ESCALATION_GROUP),
        notify, raisePriority, null, null, null));
    ticket.setVariable(SLA_ESCALATIONS, JsonVariables.list(escalations));
    ticket.setVariable(HIGHEST_ESCALATION_LEVEL,
        Math.max(level, ((Number) ticket.getVariable(HIGHEST_ESCALATION_LEVEL)).intValue()));
    if (percent >= 100) {
      recordBreach(ticket, slaType, now);
    }

    Optional<Instant> deadline = TicketSla.RESPONSE.equals(slaType) ? sla.responseDue() : sla.resolutionDue();
    scheduleNextEscalation(ticket);
    Instant dueAt = deadline.filter(at -> at.isAfter(now))
        .or(() -> Optional.ofNullable((Date) ticket.getVariable(NEXT_ESCALATION_AT)).map(Date::toInstant))
        .orElse(now);
    ticket.setVariable(ESCALATION_DUE_AT, Date.from(dueAt));

    notifications.send(ticket, notify,
        "Ticket " + ticket.getProcessBusinessKey() + ": " + slaType + " SLA " + label + " (level " + level + ")",
        "Ticket " + ticket.getProcessBusinessKey() + " \"" + ticket.getVariable(TITLE) + "\" (" + sla.priority + ") has used "
            + percent + " % of its " + slaType + " time. " + ticket.getVariable(ESCALATION_GROUP)
            + " has a task to act on it.");
    if (raisePriority) {
      raisePriority(ticket, sla.priority, slaType, level, label);
    }
  }

  /** At close: whether each SLA was met, business minutes to first response and to resolution, time paused. */
  public void close(DelegateExecution ticket) {
    TicketSla sla = TicketSla.of(ticket, calendar);
    SlaClock businessHours = new SlaClock.BusinessHours(calendar);
    ticket.setVariable(CLOSED_AT, EngineClock.nowAsDate());
    ticket.setVariable(RESPONSE_SLA_MET, !sla.left(sla.responseTarget, sla.firstResponseAt).isNegative());
    ticket.setVariable(RESOLUTION_SLA_MET, !sla.left(sla.resolutionTarget, sla.resolvedAt).isNegative());
    ticket.setVariable(BUSINESS_MINUTES_TO_FIRST_RESPONSE,
        sla.timeline().elapsed(businessHours, sla.firstResponseAt).toMinutes());
    ticket.setVariable(BUSINESS_MINUTES_TO_RESOLUTION, sla.timeline().elapsed(businessHours, sla.resolvedAt).toMinutes());
    ticket.setVariable(TOTAL_PAUSED_MINUTES, sla.pauses.stream().filter(pause -> SlaPause.QUESTION.equals(pause.kind()))
        .mapToLong(pause -> Duration.between(pause.from(), pause.to()).toMinutes()).sum());
  }

  /** Deadlines, whether paused and the minutes left, as the forms and task due dates use them. */
  private void refreshDeadlines(DelegateExecution ticket) {
    TicketSla sla = TicketSla.of(ticket, calendar);
    Instant now = EngineClock.now();
    sla.responseDue().ifPresent(due -> ticket.setVariable(RESPONSE_DUE_AT, Date.from(due)));
    sla.resolutionDue().ifPresent(due -> ticket.setVariable(RESOLUTION_DUE_AT, Date.from(due)));
    if (sla.firstResponseAt == null) {
      ticket.setVariable(RESPONSE_MINUTES_LEFT, sla.left(sla.responseTarget, now).toMinutes());
    }
    if (sla.resolvedAt == null) {
      ticket.setVariable(RESOLUTION_MINUTES_LEFT, sla.left(sla.resolutionTarget, now).toMinutes());
    }
    ticket.setVariable(SLA_PAUSED, sla.isPaused());
  }

  /** After the clocks or the targets changed: deadlines, the next escalation, the watch timer, the open tasks. */
  private void update(DelegateExecution ticket) {
    refreshDeadlines(ticket);
    scheduleNextEscalation(ticket);
    moveWatchTimer(ticket);
    updateOpenTasks(ticket);
  }

  private void scheduleNextEscalation(DelegateExecution ticket) {
    writeNextEscalation(ticket, nextEscalation(ticket));
  }

  private Optional<NextEscalation> nextEscalation(DelegateExecution ticket) {
    TicketSla sla = TicketSla.of(ticket, calendar);
    return EscalationSchedule.next(sla.running(), levels.forPriority(sla.priority));
  }

  private void writeNextEscalation(DelegateExecution ticket, Optional<NextEscalation> next) {
    if (next.isPresent()) {
      ticket.setVariable(NEXT_ESCALATION_AT, Date.from(next.get().at()));
      ticket.setVariable(NEXT_ESCALATION_SLA, next.get().slaType());
      ticket.setVariable(NEXT_ESCALATION_LEVEL, next.get().level());
    } else {
      // while the clocks stand still nothing can fall due; look again when the wait for the answer ends at the latest
      boolean paused = TicketSla.of(ticket, calendar).isPaused();
      ticket.setVariable(NEXT_ESCALATION_AT, paused ? ticket.getVariable(ANSWER_DEADLINE_AT) : null);
      ticket.setVariable(NEXT_ESCALATION_SLA, null);
      ticket.setVariable(NEXT_ESCALATION_LEVEL, null);
    }
  }

  /** The watch timer keeps the date it was created with; re-evaluating its expression moves it. */
  private static void moveWatchTimer(DelegateExecution ticket) {
    if (ticket.getVariable(NEXT_ESCALATION_AT) == null) {
      return; // the timer finds out itself when it fires that nothing is due, and the watch ends
    }
    ManagementService management = ticket.getProcessEngineServices().getManagementService();
    for (Job timer : management.createJobQuery().processInstanceId(ticket.getProcessInstanceId()).timers()
        .activityId(TicketProcess.NEXT_ESCALATION_DUE).list()) {
      management.recalculateJobDuedate(timer.getId(), false);
    }
  }

  /** Open agent tasks show the deadline that applies to them, and every open task the ticket's priority. */
  private static void updateOpenTasks(DelegateExecution ticket) {
    TaskService tasks = ticket.getProcessEngineServices().getTaskService();
    Number taskPriority = (Number) ticket.getVariable(TASK_PRIORITY);
    for (Task task : tasks.createTaskQuery().processInstanceId(ticket.getProcessInstanceId()).list()) {
      String deadline = DUE_DATES.get(task.getTaskDefinitionKey());
      if (deadline != null) {
        task.setDueDate((Date) ticket.getVariable(deadline));
      }
      task.setPriority(taskPriority.intValue());
      tasks.saveTask(task);
      tasks.setVariableLocal(task.getId(), CARD_PRIORITY, ticket.getVariable(PRIORITY));
    }
  }

  private static void recordBreach(DelegateExecution ticket, String slaType, Instant now) {
    String breached = TicketSla.RESPONSE.equals(slaType) ? RESPONSE_SLA_BREACHED : RESOLUTION_SLA_BREACHED;
    String breachedAt = TicketSla.RESPONSE.equals(slaType) ? RESPONSE_BREACHED_AT : RESOLUTION_BREACHED_AT;
    if (!Boolean.TRUE.equals(ticket.getVariable(breached))) {
      ticket.setVariable(breached, true);
      ticket.setVariable(breachedAt, Date.from(now));
    }
  }

  private static void raisePriority(DelegateExecution ticket, String priority, String slaType, int level, String label) {
    int index = PRIORITIES.indexOf(priority);
    if (index < 0 || index == PRIORITIES.size() - 1) {
      return; // P1 is as urgent as it gets
    }
    ticket.setVariable(PRIORITY_CORRECTION_REASON,
        "Raised by the " + slaType + " SLA's " + label + " (escalation level " + level + ")");
    // the "Priority changed" event subprocess recomputes the SLA targets for the new priority
    ticket.setVariable(PRIORITY, PRIORITIES.get(index + 1));
  }

  private String format(Date date) {
    return date == null ? "-" : WHEN.format(date.toInstant().atZone(calendar.zone()));
  }
}
