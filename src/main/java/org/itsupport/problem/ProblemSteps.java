package org.itsupport.problem;

import static org.itsupport.model.ProblemProcess.*;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.itsupport.model.ArticleProcess;
import org.itsupport.shared.CompletingUser;
import org.itsupport.shared.JsonVariables;
import org.itsupport.ticket.InputRules;
import org.springframework.stereotype.Component;

/** The steps of processes/problem-investigation.bpmn: findings recorded, a known-error article proposed, closed. */
@Component("problemSteps")
public class ProblemSteps {

  static final InputRules FINDINGS = InputRules.builder().text(ROOT_CAUSE, WORKAROUND)
      .required(ROOT_CAUSE, WORKAROUND).maxLength(ROOT_CAUSE, 4000).maxLength(WORKAROUND, 4000).build();
  static final InputRules CLOSURE = InputRules.builder().text(CLOSURE_NOTES).required(CLOSURE_NOTES)
      .maxLength(CLOSURE_NOTES, 4000).build();

  private final Problems problems;

  public ProblemSteps(Problems problems) {
    this.problems = problems;
  }

  /** Task listener on create of the investigation: the problem records the group the routing table named. */
  public void assigned(DelegateTask task) {
    problems.assign((String) task.getVariable(PROBLEM_ID), (String) task.getVariable(GROUP));
  }

  /** Task listener on create of both tasks: the problem's tickets as they are linked now. */
  public void listTickets(DelegateTask task) {
    task.setVariable(TICKETS, JsonVariables.list(problems.tickets((String) task.getVariable(PROBLEM_ID))));
  }

  /** Task listener on complete of the investigation: what was found, and by whom. */
  public void investigated(DelegateTask task) {
    FINDINGS.check(task::getVariable);
    task.setVariable(INVESTIGATOR, CompletingUser.of(task));
  }

  /**
   * Keeps root cause and workaround with the problem: first line sees the workaround on the cluster's next tickets.
   * Asked for, a known-error article starts, prefilled, for the investigator to write up.
   */
  public void record(DelegateExecution execution) {
    String id = (String) execution.getVariable(PROBLEM_ID);
    String rootCause = ((String) execution.getVariable(ROOT_CAUSE)).strip();
    String workaround = ((String) execution.getVariable(WORKAROUND)).strip();
    if (Boolean.TRUE.equals(execution.getVariable(PROPOSE_KNOWN_ERROR))) {
      Problem problem = problems.find(id).orElseThrow();
      Map<String, Object> draft = new HashMap<>();
      draft.put(ArticleProcess.TITLE, "Known error: " + execution.getVariable(CLUSTER));
      draft.put(ArticleProcess.SERVICE_TYPE, problem.serviceType());
      draft.put(ArticleProcess.AFFECTED_SYSTEM, Problems.Cluster.AFFECTED_SYSTEM.equals(problem.clusterBy())
          ? problem.clusterKey() : null);
      draft.put(ArticleProcess.SYMPTOMS, "Recurring tickets: " + String.join(", ", problems.tickets(id)));
      draft.put(ArticleProcess.STEPS, workaround);
      draft.put(ArticleProcess.ROOT_CAUSE, rootCause);
      draft.put(ArticleProcess.AUTHOR, execution.getVariable(INVESTIGATOR));
      draft.put(ArticleProcess.FROM_TICKET, true);
      execution.setVariable(KNOWN_ERROR_PROPOSAL, execution.getProcessEngineServices().getRuntimeService()
          .startProcessInstanceByKey(ArticleProcess.KEY, draft).getId());
    }
    problems.recordFindings(id, rootCause, workaround);
  }

  /** Task listener on complete of the closure. */
  public void closing(DelegateTask task) {
    CLOSURE.check(task::getVariable);
    task.setVariable(CLOSED_BY, CompletingUser.of(task));
  }

  /** The cluster's next tickets open a new problem, if they recur again. */
  public void close(DelegateExecution execution) {
    problems.close((String) execution.getVariable(PROBLEM_ID), (String) execution.getVariable(CLOSED_BY),
        ((String) execution.getVariable(CLOSURE_NOTES)).strip());
  }
}
