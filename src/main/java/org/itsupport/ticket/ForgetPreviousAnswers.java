package org.itsupport.ticket;

import org.itsupport.model.TicketProcess;
import static org.itsupport.model.TicketVariables.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When a loop brings a decision task back (question answered, rework, new problem, reopen), its form would
 * open with the last round's answer already chosen. On create, this removes that answer from the ticket;
 * history keeps it. Tasks that come back with no choice to forget are not listed.
 */
@Component("forgetPreviousAnswers")
public class ForgetPreviousAnswers implements TaskListener {

  private static final Map<String, List<String>> ANSWERS = Map.of(
      TicketProcess.DIAGNOSE_AT_FIRST_LINE, List.of(FIRST_LINE_OUTCOME, SOLVED_WITH_ARTICLE),
      TicketProcess.REVIEW_AND_DIAGNOSE, List.of(REVIEW_OUTCOME),
      TicketProcess.APPROVE_CHANGE, List.of(APPROVAL_DECISION, REJECTION_REASON),
      TicketProcess.EXECUTE_CHANGE, List.of(EXECUTION_OUTCOME, NEW_PROBLEM, PROPOSE_ARTICLE),
      TicketProcess.VERIFY_RESOLUTION, List.of(VERIFICATION_RESULT, VERIFICATION_FEEDBACK));

  @Override
  public void notify(DelegateTask task) {
    ANSWERS.getOrDefault(task.getTaskDefinitionKey(), List.of()).forEach(task.getExecution()::removeVariable);
  }
}
