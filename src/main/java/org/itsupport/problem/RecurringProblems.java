package org.itsupport.problem;

import static org.itsupport.model.TicketVariables.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.itsupport.model.ProblemProcess;
import org.itsupport.problem.Problems.Cluster;
import org.itsupport.shared.EngineClock;
import org.springframework.stereotype.Component;

/**
 * At intake, after the ticket is registered: notes what it may recur on, and for each kind of cluster asks the
 * process owner's table "problem-thresholds" how many tickets within how many days make a problem. A ticket of a
 * cluster with an open problem is linked to it; a ticket that reaches the threshold opens the problem, links the
 * cluster's tickets and starts its investigation (which asks the routing table for its group, after the intake).
 * Tickets a problem of the cluster investigated already do not count again.
 */
@Component("recurringProblems")
public class RecurringProblems {

  static final String THRESHOLDS = "problem-thresholds";

  private final Problems problems;

  public RecurringProblems(Problems problems) {
    this.problems = problems;
  }

  /** What a ticket may recur on, as it was submitted. */
  public record Recurrence(String ticketNumber, String serviceType, String affectedSystem, String department) {
  }

  /** Execution listener at the end of the intake's "Start SLA clocks": the ticket remembers its problem. */
  public void check(DelegateExecution execution) {
    recur(new Recurrence((String) execution.getVariable(TICKET_NUMBER), (String) execution.getVariable(SERVICE_TYPE),
        (String) execution.getVariable(AFFECTED_SYSTEM), (String) execution.getVariable(REQUESTER_DEPARTMENT)),
        execution.getProcessEngineServices()).ifPresent(problem -> execution.setVariable(PROBLEM_ID, problem));
  }

  /** Notes the ticket and links or opens its problems; the first problem it is linked to, if any. */
  public Optional<String> recur(Recurrence ticket, ProcessEngineServices engine) {
    String number = ticket.ticketNumber();
    String serviceType = ticket.serviceType();
    String system = key(ticket.affectedSystem());
    String department = key(ticket.department());
    Instant now = EngineClock.now();
    problems.note(number, now, serviceType, system, department);
    DecisionService decisions = engine.getDecisionService();
    List<String> linked = new ArrayList<>();
    for (Cluster cluster : clusters(serviceType, system, department)) {
      // a later ticket joins the open problem: a row only, so tickets arriving together (as recurring ones do)
      // never contend for the investigation, whose tasks read the list when they open
      if (linkToOpenProblem(cluster, number, linked)) {
        continue;
      }
      Optional<Thresholds> thresholds = thresholds(decisions, cluster, serviceType);
      if (thresholds.isEmpty()) {
        continue;
      }
      Instant since = now.minus(Duration.ofDays(thresholds.get().withinDays()));
      if (problems.count(cluster, since) < thresholds.get().tickets()) {
        continue;
      }
      Optional<String> opened = problems.open(cluster, serviceType);
      if (opened.isEmpty()) { // another node opened it a moment ago
        linkToOpenProblem(cluster, number, linked);
        continue;
      }
      problems.clusterTickets(cluster, since).forEach(earlier -> problems.link(opened.get(), earlier));
      engine.getRuntimeService().startProcessInstanceByKey(ProblemProcess.KEY,
          opened.get(), Variables.createVariables().putValue(ProblemProcess.PROBLEM_ID, opened.get())
              .putValue(ProblemProcess.CLUSTER, describe(cluster)).putValue(SERVICE_TYPE, serviceType));
      linked.add(opened.get());
    }
    return linked.stream().findFirst();
  }

  /** Links the ticket to the cluster's open problem, if it has one. */
  private boolean linkToOpenProblem(Cluster cluster, String ticketNumber, List<String> linked) {
    Optional<Problem> open = problems.openProblem(cluster);
    open.ifPresent(problem -> {
      problems.link(problem.id(), ticketNumber);
      linked.add(problem.id());
    });
    return open.isPresent();
  }

  /**
   * Task listener on create of *Diagnose at first line*: a ticket linked to a problem shows the problem and, once
   * found, its workaround.
   */
  public void showWorkaround(DelegateTask task) {
    if (task.getVariable(PROBLEM_ID) instanceof String problemId) {
      problems.find(problemId).map(Problem::workaround).ifPresentOrElse(
          workaround -> task.setVariable(PROBLEM_WORKAROUND, workaround),
          () -> task.removeVariable(PROBLEM_WORKAROUND));
    }
  }

  /** What a process owner's table says for this kind of cluster and service type; empty when no row matches. */
  private static Optional<Thresholds> thresholds(DecisionService decisions, Cluster cluster, String serviceType) {
    DmnDecisionRuleResult row = decisions.evaluateDecisionTableByKey(THRESHOLDS, Variables.createVariables()
        .putValue("clusterBy", cluster.by()).putValue(SERVICE_TYPE, serviceType)).getFirstResult();
    if (row == null || row.getEntry("tickets") == null || row.getEntry("withinDays") == null) {
      return Optional.empty();
    }
    return Optional.of(new Thresholds(((Number) row.getEntry("tickets")).intValue(),
        ((Number) row.getEntry("withinDays")).intValue()));
  }

  private record Thresholds(int tickets, int withinDays) {
  }

  private static List<Cluster> clusters(String serviceType, String system, String department) {
    List<Cluster> clusters = new ArrayList<>();
    if (system != null) {
      clusters.add(new Cluster(Cluster.AFFECTED_SYSTEM, system));
    }
    if (serviceType != null && department != null) {
      clusters.add(new Cluster(Cluster.SERVICE_TYPE_AND_DEPARTMENT, serviceType + "|" + department));
    }
    return clusters;
  }

  static String describe(Cluster cluster) {
    return Cluster.AFFECTED_SYSTEM.equals(cluster.by()) ? "affected system " + cluster.key()
        : "service type " + cluster.key().replace("|", ", department ");
  }

  private static String key(Object value) {
    return value instanceof String text && !text.isBlank() ? text.trim().toLowerCase(Locale.ROOT) : null;
  }
}
