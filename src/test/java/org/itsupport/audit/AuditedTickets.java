package org.itsupport.audit;

import static org.itsupport.model.TicketProcess.*;
import static org.itsupport.model.TicketVariables.*;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.itsupport.ticket.SampleIntake;
import org.itsupport.ticket.TicketForms;

/**
 * A closed ticket that carries everything an auditor must be able to reconstruct: a question to the requester
 * (the SLA clocks stood still), a priority correction with its reason, a change rejected with a reason and then
 * approved, a task reassigned by a manager and a resolution SLA breach the manager acted on.
 *
 * <p>Built through the engine's Java API the way the people in it work in Tasklist: every human step runs under
 * that user's authentication, so Camunda's user operation log (and each variable update's operation id) records
 * who did it. Asynchronous steps and timers run when the fixture executes their jobs, on the engine clock, which
 * it resets afterwards. Each call opens a new ticket; no call depends on another or on the tests before it.
 *
 * <p>The day, Tuesday 10 November 2026 (London is on GMT, so the times below are local times too):
 * <pre>
 * 09:00 alice submits: one user, seriously impaired, P3 on business hours (respond by 09:30, resolve by 17:00)
 * 09:05 dora asks alice a question: both SLA clocks stop
 * 09:35 alice answers: the clocks run on, 30 minutes later (respond by 10:00, resolve by 17:30)
 * 09:40 dora escalates to the hardware specialists: the first response, in time
 * 10:00 hank corrects the priority to P2 (24x7: resolve within 4h less the pause, by 13:30) and plans a system
 *       reinstall with a backup: high risk, the change approvers must approve
 * 10:30 carl rejects the plan with a reason
 * 11:00 hank plans again; 11:15 nick claims the approval
 * 12:30 resolution warning (75 % of P2's 4h) for the service managers: mia reassigns the approval from nick to
 *       carl and records what she did
 * 13:30 resolution SLA breached: mia records what she did about it
 * 13:45 carl approves; 14:30 hank has executed the change; 15:00 alice confirms; 15:05 alice rates, the ticket closes
 * </pre>
 */
public final class AuditedTickets {

  public static final String REQUESTER = "alice";
  public static final String FIRST_LINE = "dora";
  public static final String SPECIALIST = "hank";
  public static final String APPROVER = "carl";
  /** A change approver who claims the second approval and has it taken away. */
  public static final String FIRST_CLAIMANT = "nick";
  public static final String MANAGER = "mia";

  public static final String QUESTION_TEXT = "Which message exactly does Windows show, and since when?";
  public static final String ANSWER_TEXT = "'The referenced account is currently locked out', since this morning";
  public static final String CORRECTION_REASON_TEXT =
      "Alice runs the month-end close: finance cannot close the books without her laptop";
  public static final String REJECTION_REASON_TEXT = "Copy her local files to the share before reinstalling";
  public static final String WARNING_ACTION_TEXT = "Reassigned the approval from nick, who is away, to carl";
  public static final String BREACH_ACTION_TEXT = "Told alice the reinstall happens this afternoon; carl decides now";

  /** What a test (or an auditor in Cockpit) should find on the ticket. */
  public record AuditedTicket(
      String number,
      String processInstanceId,
      Instant submittedAt,
      Instant closedAt,
      String initialPriority,
      String correctedPriority,
      String correctionReason,
      String rejectionReason,
      /** The approval that the manager took from FIRST_CLAIMANT and gave to APPROVER. */
      String reassignedTaskId,
      String breachedSla,
      Instant breachedAt,
      String breachAction) {
  }

  /** The SLA that the ticket breaches (the sla-escalation table's slaType). */
  public static final String BREACHED_SLA = "resolution";

  /** A working Tuesday in London, on GMT. */
  private static final String DAY = "2026-11-10";

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final HistoryService history;
  private final IdentityService identity;

  public AuditedTickets(ProcessEngine engine) {
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.management = engine.getManagementService();
    this.history = engine.getHistoryService();
    this.identity = engine.getIdentityService();
  }

  /** Works a new ticket from submission to close as described above; the engine clock is reset afterwards. */
  public AuditedTicket createClosedTicket() {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return workTicket();
    } finally {
      ClockUtil.reset();
      identity.setAuthentication(caller);
    }
  }

  private AuditedTicket workTicket() {
    at("09:00");
    ProcessInstance started = as(REQUESTER, () -> runtime.startProcessInstanceByKey(KEY, SampleIntake.intake()));
    Ticket ticket = new Ticket(started.getId());
    ticket.runJob("Task_StartSlaClocks");
    String initialPriority = (String) runtime.getVariable(ticket.id, PRIORITY);

    // the first line asks the requester: the ticket calls the question process and its clocks stop
    at("09:05");
    ticket.claimAndComplete(DIAGNOSE_AT_FIRST_LINE, FIRST_LINE, Map.of(
        FIRST_LINE_NOTES, "Account shows as locked; unlocking it did not help",
        FIRST_LINE_OUTCOME, "ask-requester",
        QUESTION_FOR_REQUESTER, QUESTION_TEXT));
    at("09:35");
    ProcessInstance question = runtime.createProcessInstanceQuery().superProcessInstanceId(ticket.id).singleResult();
    Task answer = new Ticket(question.getId()).task(ANSWER_QUESTION);
    as(REQUESTER, () -> tasks.complete(answer.getId(), Map.of(REQUESTER_ANSWER, ANSWER_TEXT)));
    new Ticket(question.getId()).runJob("Task_ResumeSlaClocks");

    at("09:40");
    ticket.claimAndComplete(DIAGNOSE_AT_FIRST_LINE, FIRST_LINE, Map.of(
        FIRST_LINE_NOTES, "Locked again at every log-in: the profile is damaged",
        FIRST_LINE_OUTCOME, "escalate"));
    ticket.runJob("Task_DetermineSpecialistGroup");

    // the specialist corrects the priority and plans a high-risk change
    at("10:00");
    Map<String, Object> plan = plan("Back up the disk, reinstall Windows, restore the profile");
    plan.put(PRIORITY, "P2");
    plan.put(PRIORITY_CORRECTION_REASON, CORRECTION_REASON_TEXT);
    ticket.claimAndComplete(REVIEW_AND_DIAGNOSE, SPECIALIST, plan);
    ticket.runJob("Task_RecomputeSlaTargets");
    ticket.runJob("Task_AssessChangeRisk");
    String correctedPriority = (String) runtime.getVariable(ticket.id, PRIORITY);

    at("10:30");
    ticket.claimAndComplete(APPROVE_CHANGE, APPROVER, decision("reject", REJECTION_REASON_TEXT));

    at("11:00");
    Map<String, Object> replan =
        plan("Copy the local files to the share, back up the disk, reinstall Windows, restore the profile");
    replan.put(PRIORITY, correctedPriority);
    ticket.claimAndComplete(REVIEW_AND_DIAGNOSE, SPECIALIST, replan);
    ticket.runJob("Task_AssessChangeRisk");
    at("11:15");
    Task approval = ticket.task(APPROVE_CHANGE);
    as(FIRST_CLAIMANT, () -> tasks.claim(approval.getId(), FIRST_CLAIMANT));

    // the warning: the manager hands the approval to someone who is in
    Task warning = ticket.fireEscalation(BREACHED_SLA, 1);
    as(MANAGER, () -> {
      tasks.claim(warning.getId(), MANAGER);
      tasks.setAssignee(approval.getId(), APPROVER);
      tasks.complete(warning.getId(), Map.of(ESCALATION_ACTION, WARNING_ACTION_TEXT));
    });

    Task breach = ticket.fireEscalation(BREACHED_SLA, 2);
    Instant breachedAt = ((Date) runtime.getVariable(ticket.id, RESOLUTION_BREACHED_AT)).toInstant();
    as(MANAGER, () -> {
      tasks.claim(breach.getId(), MANAGER);
      tasks.complete(breach.getId(), Map.of(ESCALATION_ACTION, BREACH_ACTION_TEXT));
    });

    at("13:45");
    as(APPROVER, () -> tasks.complete(approval.getId(), decision("approve", null)));

    at("14:00");
    Task execution = ticket.task(EXECUTE_CHANGE);
    as(SPECIALIST, () -> tasks.claim(execution.getId(), SPECIALIST));
    at("14:30");
    as(SPECIALIST, () -> tasks.complete(execution.getId(), Map.of(
        EXECUTION_STEPS, "Copied the files, reinstalled, restored the profile; alice logged in",
        EXECUTION_OUTCOME, "fixed",
        RESOLUTION, "Reinstalled Windows and restored the profile")));

    at("15:00");
    ticket.complete(VERIFY_RESOLUTION, REQUESTER, Map.of(VERIFICATION_RESULT, "confirmed"));
    at("15:05");
    ticket.complete(RATE_SERVICE, REQUESTER, Map.of(SURVEY_SKIPPED, false,
        SCORE_RESPONSE_SPEED, 3, SCORE_EFFICIENCY, 3, SCORE_ATTITUDE, 5, SCORE_EXPERTISE, 4));
    ticket.runJob("Task_CloseTicket");

    HistoricProcessInstance closed = history.createHistoricProcessInstanceQuery().processInstanceId(ticket.id)
        .singleResult();
    if (closed.getEndTime() == null) {
      throw new IllegalStateException("Ticket " + started.getBusinessKey() + " did not close");
    }
    return new AuditedTicket(started.getBusinessKey(), ticket.id, closed.getStartTime().toInstant(),
        closed.getEndTime().toInstant(), initialPriority, correctedPriority, CORRECTION_REASON_TEXT, REJECTION_REASON_TEXT,
        approval.getId(), BREACHED_SLA, breachedAt, BREACH_ACTION_TEXT);
  }

  /** The shared plan, with the fixture's own steps and root cause (the auditors' tests look for them). */
  private static Map<String, Object> plan(String steps) {
    Map<String, Object> plan = TicketForms.plan(null, steps, "system-reinstall", true);
    plan.remove(PRIORITY); // set by each step: corrected first, then kept
    plan.put(ROOT_CAUSE, "Damaged user profile on a corrupted system image");
    return plan;
  }

  private static Map<String, Object> decision(String decision, String reason) {
    return TicketForms.approval(decision, reason);
  }

  /** The engine clock at a time of the ticket's day. */
  private static void at(String time) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(DAY + "T" + time + ":00Z")));
  }

  /** Runs a step signed in as the user, with the user's groups, as Tasklist or Cockpit would. */
  public <T> T as(String userId, Supplier<T> step) {
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    identity.setAuthentication(userId, groups);
    try {
      return step.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  private void as(String userId, Runnable step) {
    as(userId, () -> {
      step.run();
      return null;
    });
  }

  /** One process instance's open tasks and jobs; finds each as the test of its path would. */
  private final class Ticket {

    final String id;

    Ticket(String id) {
      this.id = id;
    }

    Task task(String taskKey) {
      List<Task> open = tasks.createTaskQuery().processInstanceId(id).taskDefinitionKey(taskKey).list();
      if (open.size() != 1) {
        throw new IllegalStateException("Expected one open task " + taskKey + ", found " + open.size());
      }
      return open.get(0);
    }

    void claimAndComplete(String taskKey, String userId, Map<String, Object> form) {
      Task task = task(taskKey);
      as(userId, () -> {
        tasks.claim(task.getId(), userId);
        tasks.complete(task.getId(), form);
      });
    }

    /** A task already assigned to the user (the requester's own steps). */
    void complete(String taskKey, String userId, Map<String, Object> form) {
      Task task = task(taskKey);
      as(userId, () -> tasks.complete(task.getId(), form));
    }

    void runJob(String activityId) {
      Job job = management.createJobQuery().processInstanceId(id).activityId(activityId).singleResult();
      if (job == null) {
        throw new IllegalStateException("No job waits at " + activityId);
      }
      management.executeJob(job.getId());
    }

    /** Moves the clock to the SLA timer of the rung (1 at risk, 2 breached, 3 escalated) and fires it. */
    Task fireEscalation(String slaType, int level) {
      String timerId = "Event_" + Character.toUpperCase(slaType.charAt(0)) + slaType.substring(1)
          + List.of("AtRisk", "Breached", "Escalated").get(level - 1);
      Job timer = management.createJobQuery().processInstanceId(id).timers().activityId(timerId).singleResult();
      if (timer == null) {
        throw new IllegalStateException("No SLA timer " + timerId + " waits");
      }
      if (timer.getDuedate().after(ClockUtil.getCurrentTime())) {
        ClockUtil.setCurrentTime(timer.getDuedate());
      }
      management.executeJob(timer.getId());
      return tasks.createTaskQuery().processInstanceId(id)
          .taskDefinitionKeyIn(ACT_ON_ESCALATION.toArray(String[]::new)).list().stream()
          .filter(task -> Integer.valueOf(level).equals(tasks.getVariable(task.getId(), ESCALATION_LEVEL)))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("No escalation task of " + slaType + " level " + level));
    }
  }
}
