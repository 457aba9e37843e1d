package org.itsupport.ticket;

import org.itsupport.shared.EngineClock;
import org.itsupport.shared.JsonVariables;
import static org.itsupport.model.TicketVariables.DECISIONS_USED;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.springframework.stereotype.Component;

/**
 * After a business rule task, records on the ticket which decision and version answered ("why was this
 * ticket P2?" stays answerable after the table changed). The tasks use binding "latest": the version is the
 * latest one at this moment.
 */
@Component("recordDecisionUsed")
public class RecordDecisionUsed implements ExecutionListener {

  /** One evaluation: which table, which version, for which step, when. */
  public record DecisionUsed(String decision, int version, String activity, Instant at) {
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    String key = ((BusinessRuleTask) execution.getBpmnModelElementInstance()).getCamundaDecisionRef();
    // the product's own configuration: read regardless of the signed-in user's authorizations
    DecisionDefinition used = Context.getCommandContext().runWithoutAuthorization(() -> execution
        .getProcessEngineServices().getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey(key)
        .latestVersion().singleResult());
    List<DecisionUsed> decisions = new ArrayList<>(JsonVariables.readList(execution, DECISIONS_USED, DecisionUsed.class));
    decisions.add(new DecisionUsed(key, used.getVersion(), execution.getCurrentActivityId(), EngineClock.now()));
    execution.setVariable(DECISIONS_USED, JsonVariables.list(decisions));
  }
}
