package org.itsupport.ticket;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.stereotype.Component;

/**
 * Reads a decision's output in a business rule task's output mapping. A table that matches no rule or
 * leaves the output empty fails the task with an incident instead of routing the ticket nowhere.
 */
@Component("decisionOutput")
public class DecisionOutput {

  public Object required(DmnDecisionResult result, String output) {
    DmnDecisionResultEntries entries = result == null ? null : result.getSingleResult();
    if (entries == null) {
      throw new ProcessEngineException(
          "The decision matched no rule, so '" + output + "' has no value: the table must cover these inputs");
    }
    Object value = entries.getEntryMap().get(output);
    if (value == null) {
      throw new ProcessEngineException("The decision's matching rule gives no value for '" + output + "'");
    }
    return value;
  }

  /** An output that some rules leave empty, such as the approver group when no approval is needed. */
  public Object optional(DmnDecisionResult result, String output) {
    DmnDecisionResultEntries entries = result == null ? null : result.getSingleResult();
    return entries == null ? null : entries.getEntryMap().get(output);
  }
}
