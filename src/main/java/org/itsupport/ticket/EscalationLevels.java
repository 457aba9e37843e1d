package org.itsupport.ticket;

import static org.itsupport.model.TicketVariables.ESCALATION_LEVEL;
import static org.itsupport.model.TicketVariables.PRIORITY;
import static org.itsupport.model.TicketVariables.SLA_TYPE;
import static org.itsupport.model.TicketVariables.THRESHOLD_PERCENT;

import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.itsupport.decisions.DecisionEngines;
import org.itsupport.sla.EscalationSchedule;
import org.springframework.stereotype.Component;

/**
 * Reads when each escalation level fires from the latest deployed "sla-escalation" table, to schedule the
 * watch timer. Evaluated without history: the audited evaluation is the business rule task when a level
 * actually fires.
 */
@Component
public class EscalationLevels {

  static final String DECISION = "sla-escalation";

  private final RepositoryService repository;
  private final DmnEngine dmn = DecisionEngines.standalone();
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

  public EscalationLevels(RepositoryService repository) {
    this.repository = repository;
  }

  /** The thresholds for one ticket priority, looking at the table deployed now. */
  public EscalationSchedule.Thresholds forPriority(String priority) {
    DmnDecision decision = latestDecision();
    return (slaType, level) -> {
      DmnDecisionTableResult result = dmn.evaluateDecisionTable(decision, Variables.createVariables()
          .putValue(SLA_TYPE, slaType).putValue(PRIORITY, priority).putValue(ESCALATION_LEVEL, level));
      if (result.isEmpty()) {
        return OptionalInt.empty();
      }
      Object percent = result.getSingleResult().getEntryMap().get(THRESHOLD_PERCENT);
      if (!(percent instanceof Number number)) {
        throw new IllegalStateException(DECISION + ": level " + level + " of the " + slaType
            + " SLA for " + priority + " has no thresholdPercent");
      }
      return OptionalInt.of(number.intValue());
    };
  }

  /**
   * The table is the product's own configuration, not the signed-in user's business: the lookup runs
   * without the user's authorizations (a requester submitting a ticket may not read decision tables).
   */
  private DmnDecision latestDecision() {
    return Context.getCommandContext().runWithoutAuthorization(() -> {
      DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
          .latestVersion().singleResult();
      if (latest == null) {
        throw new IllegalStateException("No decision '" + DECISION + "' is deployed");
      }
      return parsed.computeIfAbsent(latest.getId(), id -> dmn.parseDecision(DECISION, repository.getDecisionModel(id)));
    });
  }
}
