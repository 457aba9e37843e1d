package org.itsupport.audit;

import java.util.List;
import java.util.Map;

/**
 * Everything the history holds about one ticket, for the auditor's trail page: who did what and when, every
 * variable change, every decision with its version and matched rules, SLA events, approvals and user
 * operations, and the path through the diagram. Times are ISO-8601 instants; values are shown as text.
 */
public record TicketTrail(Ticket ticket, PathTaken path, List<Step> steps, List<Approval> approvals,
    List<SlaEvent> slaEvents, List<DecisionEvaluation> decisions, List<VariableChange> variableChanges,
    List<UserOperation> operations, List<Message> conversation) {

  /** The ticket's identity and outcome. */
  public record Ticket(String number, String processInstanceId, String processDefinitionId, String title,
      String description, String requesterId, String requesterName, String serviceType, String impact, String urgency,
      String priority, String priorityCorrectedFrom, String priorityCorrectionReason, String status,
      String submittedAt, String closedAt, String responseDueAt, String resolutionDueAt, String responseSla,
      String resolutionSla) {
  }

  /** The diagram's elements the ticket passed (with how often) and the sequence flows it took. */
  public record PathTaken(String processDefinitionId, Map<String, Integer> activities, List<String> sequenceFlows) {
  }

  /** One step: an activity instance of the ticket or of a question to its requester. */
  public record Step(String activityId, String name, String type, String process, String startedAt, String endedAt,
      Long durationMillis, String assignee, String completedBy, boolean canceled) {
  }

  /** An approval task's outcome: who decided what, why, about whose plan. */
  public record Approval(String decidedAt, String approver, String decision, String reason, String plannedBy,
      String riskLevel) {
  }

  /** A warning, breach or further escalation, the action taken on it, a pause or resume, the outcome at closing. */
  public record SlaEvent(String at, String sla, String event, String detail, String by) {
  }

  /** A decision table evaluated for the ticket: its version, what went in, which rules matched, what came out. */
  public record DecisionEvaluation(String evaluatedAt, String decisionKey, String decisionName, int version,
      String step, List<Value> inputs, List<MatchedRule> matchedRules) {
  }

  public record MatchedRule(String ruleId, String description, List<Value> outputs) {
  }

  public record Value(String name, String value) {
  }

  /** A process variable set or changed: from what to what, by whom (or by the engine), in which step. */
  public record VariableChange(String at, String variable, String oldValue, String newValue, String by, String step) {
  }

  /**
   * A notice the ticket sent (out) or a mail it received (in): to whom, what it said, and what became of its
   * delivery (pending, sent, logged, no-address, failed; received for mail in).
   */
  public record Message(String at, String direction, String kind, String recipients, String addresses,
      String subject, String text, String delivery, String deliveredAt, int attempts, String lastError) {
  }

  /** An operation a user performed on the ticket or its tasks: claim, assign, complete, set a variable, cancel. */
  public record UserOperation(String at, String user, String operation, String entity, String property,
      String oldValue, String newValue, String task) {
  }
}
