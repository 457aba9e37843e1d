package org.itsupport.ticket;

import static org.itsupport.model.TicketVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.itsupport.model.TicketProcess;
import org.springframework.stereotype.Component;

/**
 * What the ticket's "Ask the requester" passes to the question it calls, and takes back: one mapping for both
 * places the question is asked from, instead of the same list in each call activity.
 */
@Component("questionVariables")
public class QuestionVariables implements DelegateVariableMapping {

  /** The question's task card, its due dates (from the SLA decision) and the requester it is assigned to. */
  private static final List<String> IN = List.of(TICKET_NUMBER, TITLE, PRIORITY, TASK_PRIORITY, REQUESTER_ID,
      REQUESTER_NAME, QUESTION_FOR_REQUESTER);

  @Override
  public void mapInputVariables(DelegateExecution ticket, VariableMap question) {
    IN.forEach(name -> question.put(name, ticket.getVariable(name)));
    question.put(QUESTION_ASKED_FROM,
        TicketProcess.ASK_AT_FIRST_LINE.equals(ticket.getCurrentActivityId()) ? "first-line" : "specialist");
  }

  @Override
  public void mapOutputVariables(DelegateExecution ticket, VariableScope question) {
    ticket.setVariable(REQUESTER_ANSWER, question.getVariable(REQUESTER_ANSWER));
  }
}
