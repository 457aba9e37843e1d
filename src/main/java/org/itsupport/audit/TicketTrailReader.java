package org.itsupport.audit;

import static org.itsupport.model.TicketVariables.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.itsupport.audit.TicketTrail.Approval;
import org.itsupport.audit.TicketTrail.DecisionEvaluation;
import org.itsupport.audit.TicketTrail.MatchedRule;
import org.itsupport.audit.TicketTrail.PathTaken;
import org.itsupport.audit.TicketTrail.SlaEvent;
import org.itsupport.audit.TicketTrail.Step;
import org.itsupport.audit.TicketTrail.Ticket;
import org.itsupport.audit.TicketTrail.UserOperation;
import org.itsupport.audit.TicketTrail.Value;
import org.itsupport.audit.TicketTrail.VariableChange;
import org.itsupport.shared.JsonVariables;
import org.itsupport.sla.SlaEscalation;
import org.itsupport.sla.SlaPause;
import org.itsupport.model.TicketProcess;
import org.itsupport.notification.NoticeOutbox;

/**
 * Reads one ticket's trail from the engine's history, as the signed-in user: the ticket's process instance
 * and the question instances it called. Nothing here writes.
 */
public class TicketTrailReader {

  /** Who changed something when no user did: a job, a timer, a step that followed automatically. */
  static final String ENGINE = "engine";
  private static final Set<String> ROUTING_ONLY = Set.of("exclusiveGateway", "parallelGateway", "inclusiveGateway",
      "eventBasedGateway", "multiInstanceBody");

  private final HistoryService history;
  private final RepositoryService repository;
  private final NoticeOutbox conversation;

  public TicketTrailReader(ProcessEngine engine, NoticeOutbox conversation) {
    this.history = engine.getHistoryService();
    this.repository = engine.getRepositoryService();
    this.conversation = conversation;
  }

  public Optional<TicketTrail> read(String number) {
    HistoricProcessInstance ticket = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(TicketProcess.KEY).processInstanceBusinessKey(number).singleResult();
    if (ticket == null) {
      return Optional.empty();
    }
    List<HistoricProcessInstance> instances = new ArrayList<>(List.of(ticket));
    instances.addAll(history.createHistoricProcessInstanceQuery().superProcessInstanceId(ticket.getId()).list());
    Map<String, String> processNames = instances.stream().collect(Collectors.toMap(HistoricProcessInstance::getId,
        instance -> Objects.requireNonNullElse(instance.getProcessDefinitionName(), instance.getProcessDefinitionKey())));

    List<HistoricActivityInstance> activities = new ArrayList<>();
    List<UserOperationLogEntry> operations = new ArrayList<>();
    for (HistoricProcessInstance instance : instances) {
      activities.addAll(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
          .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list());
      operations.addAll(history.createUserOperationLogQuery().processInstanceId(instance.getId())
          .orderByTimestamp().asc().list());
    }
    operations.sort(Comparator.comparing(UserOperationLogEntry::getTimestamp));
    Map<String, String> userByOperation = new HashMap<>();
    Map<String, UserOperationLogEntry> completions = new HashMap<>();
    for (UserOperationLogEntry operation : operations) {
      userByOperation.putIfAbsent(operation.getOperationId(), operation.getUserId());
      if (UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(operation.getOperationType())
          && operation.getTaskId() != null) {
        completions.put(operation.getTaskId(), operation);
      }
    }
    Map<String, String> stepNames = activities.stream().collect(Collectors.toMap(HistoricActivityInstance::getId,
        activity -> Objects.requireNonNullElse(activity.getActivityName(), activity.getActivityId()), (a, b) -> a));
    List<HistoricVariableUpdate> updates = history.createHistoricDetailQuery().variableUpdates()
        .processInstanceIdIn(instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
        .disableCustomObjectDeserialization().orderByTime().asc().orderPartiallyByOccurrence().asc().list().stream()
        .map(HistoricVariableUpdate.class::cast).filter(update -> update.getTaskId() == null).toList();
    Map<String, Object> variables = history.createHistoricVariableInstanceQuery().processInstanceIdIn(ticket.getId())
        .disableCustomObjectDeserialization().list().stream().filter(v -> v.getTypedValue() != null)
        .collect(Collectors.toMap(HistoricVariableInstance::getName, v -> (Object) v.getTypedValue(), (a, b) -> a));

    return Optional.of(new TicketTrail(
        ticket(ticket, variables),
        path(ticket, activities),
        steps(ticket, activities, processNames, completions),
        approvals(ticket, updates, completions, userByOperation),
        slaEvents(variables),
        decisions(ticket, stepNames),
        variableChanges(updates, userByOperation, stepNames, processNames),
        operations(operations),
        conversation(ticket.getBusinessKey())));
  }

  private List<TicketTrail.Message> conversation(String number) {
    return conversation.conversation(number).stream().map(message -> new TicketTrail.Message(
        message.createdAt().toString(), "received".equals(message.delivery()) ? "in" : "out", message.kind(),
        message.recipients(), String.join(", ", message.addresses()), message.subject(), message.body(),
        message.delivery(), message.deliveredAt() == null ? null : message.deliveredAt().toString(),
        message.attempts(), message.lastError())).toList();
  }

  private Ticket ticket(HistoricProcessInstance ticket, Map<String, Object> variables) {
    String status = TicketRow.status(ticket);
    return new Ticket(ticket.getBusinessKey(), ticket.getId(), ticket.getProcessDefinitionId(),
        text(variables.get(TITLE)), text(variables.get(DESCRIPTION)), text(variables.get(REQUESTER_ID)),
        text(variables.get(REQUESTER_NAME)), text(variables.get(SERVICE_TYPE)), text(variables.get(IMPACT)),
        text(variables.get(URGENCY)), text(variables.get(PRIORITY)), text(variables.get(PRIORITY_CORRECTED_FROM)),
        text(variables.get(PRIORITY_CORRECTION_REASON)), status, TicketRow.instant(ticket.getStartTime()),
        TicketRow.instant(ticket.getEndTime()), text(variables.get(RESPONSE_DUE_AT)),
        text(variables.get(RESOLUTION_DUE_AT)),
        TicketRow.sla(status, value(variables.get(RESPONSE_SLA_MET)), value(variables.get(RESPONSE_SLA_BREACHED))),
        TicketRow.sla(status, value(variables.get(RESOLUTION_SLA_MET)), value(variables.get(RESOLUTION_SLA_BREACHED))));
  }

  /** Elements of the ticket's own diagram it passed (how often), and the flows it took. */
  private PathTaken path(HistoricProcessInstance ticket, List<HistoricActivityInstance> activities) {
    List<HistoricActivityInstance> own = activities.stream()
        .filter(activity -> activity.getProcessInstanceId().equals(ticket.getId())).toList();
    Map<String, Integer> passed = new LinkedHashMap<>();
    own.forEach(activity -> passed.merge(activity.getActivityId(), 1, Integer::sum));
    return new PathTaken(ticket.getProcessDefinitionId(), passed,
        TakenFlows.of(repository.getBpmnModelInstance(ticket.getProcessDefinitionId()), own));
  }

  private List<Step> steps(HistoricProcessInstance ticket, List<HistoricActivityInstance> activities,
      Map<String, String> processNames, Map<String, UserOperationLogEntry> completions) {
    return activities.stream().filter(activity -> !ROUTING_ONLY.contains(activity.getActivityType()))
        .sorted(Comparator.comparing(HistoricActivityInstance::getStartTime))
        .map(activity -> new Step(activity.getActivityId(),
            Objects.requireNonNullElse(activity.getActivityName(), activity.getActivityId()),
            activity.getActivityType(), processNames.get(activity.getProcessInstanceId()),
            TicketRow.instant(activity.getStartTime()), TicketRow.instant(activity.getEndTime()),
            activity.getDurationInMillis(),
            ticket.getId().equals(activity.getParentActivityInstanceId()) && "startEvent".equals(activity.getActivityType())
                ? ticket.getStartUserId() : activity.getAssignee(),
            activity.getTaskId() == null || !completions.containsKey(activity.getTaskId()) ? null
                : completions.get(activity.getTaskId()).getUserId(),
            activity.isCanceled()))
        .toList();
  }

  /**
   * Each approval task's decision: the approval variables its completion set (the same user operation), or,
   * for a completion without a signed-in user, those set at the moment it ended.
   */
  private List<Approval> approvals(HistoricProcessInstance ticket, List<HistoricVariableUpdate> updates,
      Map<String, UserOperationLogEntry> completions, Map<String, String> userByOperation) {
    List<Approval> approvals = new ArrayList<>();
    List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery().processInstanceId(ticket.getId())
        .taskDefinitionKey(TicketProcess.APPROVE_CHANGE).finished().orderByHistoricActivityInstanceStartTime().asc()
        .list();
    for (HistoricTaskInstance task : tasks) {
      UserOperationLogEntry completion = completions.get(task.getId());
      List<HistoricVariableUpdate> set = updates.stream().filter(update -> completion != null
          ? completion.getOperationId().equals(update.getUserOperationId())
          : update.getTime().equals(task.getEndTime())).toList();
      String decision = latest(set, APPROVAL_DECISION);
      if (decision == null) {
        continue; // ended without a decision: cancelled, e.g. when the ticket was withdrawn
      }
      approvals.add(new Approval(TicketRow.instant(task.getEndTime()),
          completion != null ? completion.getUserId() : task.getAssignee(), decision, latest(set, REJECTION_REASON),
          valueAt(updates, PLANNED_BY, task.getStartTime()), valueAt(updates, RISK_LEVEL, task.getStartTime())));
    }
    return approvals;
  }

  private List<SlaEvent> slaEvents(Map<String, Object> variables) {
    List<SlaEvent> events = new ArrayList<>();
    for (SlaEscalation escalation : list(variables, SLA_ESCALATIONS, SlaEscalation.class)) {
      events.add(new SlaEvent(text(escalation.at()), escalation.slaType(), escalation.label(),
          "level " + escalation.level() + " at " + escalation.thresholdPercent() + " % of the target: a task for "
              + escalation.group() + (escalation.told() == null || escalation.told().isBlank() ? ""
              : "; told " + escalation.told()) + (escalation.raisePriority() ? "; priority raised" : ""), null));
      if (escalation.action() != null) {
        events.add(new SlaEvent(text(escalation.actedAt()), escalation.slaType(), "acted on " + escalation.label(),
            escalation.action(), escalation.actedBy()));
      }
    }
    for (SlaPause pause : list(variables, SLA_PAUSES, SlaPause.class)) {
      events.add(new SlaEvent(text(pause.from()), "both", "paused",
          pause.kind() + (pause.reason() == null ? "" : ": " + pause.reason()), pause.by()));
      if (pause.to() != null) {
        events.add(new SlaEvent(text(pause.to()), "both", "resumed", pause.kind(), null));
      }
    }
    Object closedAt = value(variables.get(CLOSED_AT));
    if (closedAt != null) {
      events.add(new SlaEvent(text(closedAt), "response", outcome(value(variables.get(RESPONSE_SLA_MET))),
          "at closing", null));
      events.add(new SlaEvent(text(closedAt), "resolution", outcome(value(variables.get(RESOLUTION_SLA_MET))),
          "at closing", null));
    }
    events.sort(Comparator.comparing(SlaEvent::at, Comparator.nullsLast(Comparator.naturalOrder())));
    return events;
  }

  private List<DecisionEvaluation> decisions(HistoricProcessInstance ticket, Map<String, String> stepNames) {
    Map<String, DecisionDefinition> definitions = new HashMap<>();
    Map<String, DmnModelInstance> tables = new HashMap<>();
    List<DecisionEvaluation> evaluations = new ArrayList<>();
    for (HistoricDecisionInstance evaluation : history.createHistoricDecisionInstanceQuery()
        .processInstanceId(ticket.getId()).includeInputs().includeOutputs().orderByEvaluationTime().asc().list()) {
      DecisionDefinition definition = definitions.computeIfAbsent(evaluation.getDecisionDefinitionId(),
          repository::getDecisionDefinition);
      DmnModelInstance table = tables.computeIfAbsent(evaluation.getDecisionDefinitionId(),
          repository::getDmnModelInstance);
      List<Value> inputs = evaluation.getInputs().stream()
          .map(input -> new Value(input.getClauseName(), text(input.getValue()))).toList();
      Map<String, List<HistoricDecisionOutputInstance>> byRule = evaluation.getOutputs().stream()
          .sorted(Comparator.comparing(HistoricDecisionOutputInstance::getRuleOrder))
          .collect(Collectors.groupingBy(HistoricDecisionOutputInstance::getRuleId, LinkedHashMap::new,
              Collectors.toList()));
      List<MatchedRule> rules = byRule.entrySet().stream().map(rule -> new MatchedRule(rule.getKey(),
          ruleDescription(table, rule.getKey()), rule.getValue().stream()
              .map(output -> new Value(output.getVariableName(), text(output.getValue()))).toList())).toList();
      evaluations.add(new DecisionEvaluation(TicketRow.instant(evaluation.getEvaluationTime()),
          evaluation.getDecisionDefinitionKey(), evaluation.getDecisionDefinitionName(),
          definition.getVersion(),
          stepNames.getOrDefault(evaluation.getActivityInstanceId(), evaluation.getActivityId()), inputs, rules));
    }
    return evaluations;
  }

  private static String ruleDescription(DmnModelInstance table, String ruleId) {
    Rule rule = table.getModelElementById(ruleId);
    return rule == null || rule.getDescription() == null ? null : rule.getDescription().getTextContent();
  }

  /** A change made outside any step (at submission, or as a question started) names the process instead. */
  private static List<VariableChange> variableChanges(List<HistoricVariableUpdate> updates,
      Map<String, String> userByOperation, Map<String, String> stepNames, Map<String, String> processNames) {
    Map<String, String> previous = new HashMap<>();
    List<VariableChange> changes = new ArrayList<>();
    for (HistoricVariableUpdate update : updates) {
      String value = text(update.getTypedValue());
      String old = previous.put(update.getVariableInstanceId(), value);
      String by = update.getUserOperationId() == null ? ENGINE
          : userByOperation.getOrDefault(update.getUserOperationId(), ENGINE);
      changes.add(new VariableChange(TicketRow.instant(update.getTime()), update.getVariableName(), old, value, by,
          stepNames.getOrDefault(update.getActivityInstanceId(), processNames.get(update.getProcessInstanceId()))));
    }
    return changes;
  }

  private static List<UserOperation> operations(List<UserOperationLogEntry> operations) {
    return operations.stream().map(operation -> new UserOperation(TicketRow.instant(operation.getTimestamp()),
        operation.getUserId(), operation.getOperationType(), operation.getEntityType(), operation.getProperty(),
        operation.getOrgValue(), operation.getNewValue(), operation.getTaskId())).toList();
  }

  private static String latest(List<HistoricVariableUpdate> updates, String variable) {
    return updates.stream().filter(update -> update.getVariableName().equals(variable))
        .reduce((first, second) -> second).map(update -> text(update.getTypedValue())).orElse(null);
  }

  /** The variable's value as it stood at a moment. */
  private static String valueAt(List<HistoricVariableUpdate> updates, String variable, Date moment) {
    return updates.stream().filter(update -> update.getVariableName().equals(variable)
        && !update.getTime().after(moment)).reduce((first, second) -> second)
        .map(update -> text(update.getTypedValue())).orElse(null);
  }

  private static <T> List<T> list(Map<String, Object> variables, String name, Class<T> type) {
    Object value = variables.get(name);
    return value instanceof TypedValue typed ? JsonVariables.readList(typed, name, type) : List.of();
  }

  private static String outcome(Object met) {
    return Boolean.TRUE.equals(met) ? TicketRow.MET : TicketRow.MISSED;
  }

  private static Object value(Object typedOrPlain) {
    return typedOrPlain instanceof TypedValue typed && !(typed instanceof SerializableValue) ? typed.getValue()
        : typedOrPlain;
  }

  /** A value as an auditor reads it: dates as instants, Json as its text. */
  static String text(Object value) {
    if (value instanceof SerializableValue serializable) {
      return serializable.getValueSerialized();
    }
    Object plain = value instanceof TypedValue typed ? typed.getValue() : value;
    if (plain == null) {
      return null;
    }
    if (plain instanceof Date date) {
      return date.toInstant().toString();
    }
    return plain.toString();
  }
}
