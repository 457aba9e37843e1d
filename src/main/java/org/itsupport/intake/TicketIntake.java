package org.itsupport.intake;

import static org.itsupport.model.TicketVariables.*;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.task.Task;
import org.itsupport.identity.Roles;
import org.itsupport.shared.EngineClock;
import org.itsupport.shared.WithoutCallersAuthorizations;
import org.itsupport.ticket.InputRules;
import org.itsupport.ticket.InvalidInputException;
import org.itsupport.ticket.TicketInputRules;
import org.itsupport.model.TicketProcess;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens tickets for the portal and for monitoring, as the start form does, and tells their status. The
 * signed-in caller is the initiator, so the engine's authorizations decide who may open tickets; who may see
 * a ticket this API decides (its requester and the agents), and then reads it without the caller's
 * authorizations, which do not cover reading tickets.
 */
@Service
public class TicketIntake {

  /** Who may read any ticket through this API besides its requester. */
  private static final Set<String> AGENT_GROUPS = new HashSet<>(Roles.AGENTS);

  static {
    AGENT_GROUPS.add(Roles.AUDITORS);
  }

  /** A ticket opened now, or the one an earlier request with the same key opened. */
  public record Registration(boolean created, TicketView ticket) {
  }

  private final RuntimeService runtime;
  private final HistoryService history;
  private final TaskService tasks;
  private final IdentityService identity;
  private final IntakeKeys keys;
  private final IntakeLimit limit;
  private final TransactionTemplate transaction;

  TicketIntake(RuntimeService runtime, HistoryService history, TaskService tasks, IdentityService identity,
      IntakeKeys keys, IntakeLimit limit, PlatformTransactionManager transactions) {
    this.runtime = runtime;
    this.history = history;
    this.tasks = tasks;
    this.identity = identity;
    this.keys = keys;
    this.limit = limit;
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * Opens a ticket unless a request with the same Idempotency-Key (per caller) or, while its ticket is open,
   * the same monitoring alert key already did.
   */
  public Registration open(Map<String, Object> fields, String idempotencyKey) {
    List<InputRules.Problem> unknown = TicketInputRules.unknownIntakeFields(fields.keySet());
    if (!unknown.isEmpty()) {
      throw new InvalidInputException(unknown);
    }
    TicketInputRules.INTAKE.check(fields::get);
    String key = key(idempotencyKey, fields.get(ALERT_KEY));
    return limit.open(() -> {
      try {
        return transaction.execute(status -> openOnce(fields, key));
      } catch (DuplicateKeyException twinWasFirst) {
        // a concurrent request with the same key committed its ticket while this one waited: return that one
        return transaction.execute(status -> openOnce(fields, key));
      }
    });
  }

  /** The ticket, for its requester and the agents; empty for anyone else and for unknown numbers. */
  public Optional<TicketView> find(String number) {
    Authentication caller = identity.getCurrentAuthentication();
    return withoutCallersAuthorizations(() -> view(number)
        .filter(ticket -> caller != null && (caller.getUserId().equals(variables(ticket.processInstanceId())
            .get(REQUESTER_ID)) || caller.getGroupIds() != null && caller.getGroupIds().stream()
            .anyMatch(AGENT_GROUPS::contains)))
        .map(Found::ticket));
  }

  private Registration openOnce(Map<String, Object> fields, String key) {
    if (key != null) {
      Optional<IntakeKeys.Entry> earlier = keys.find(key);
      if (earlier.isPresent() && earlier.get().ticketNumber() != null) {
        Optional<Found> ticket = withoutCallersAuthorizations(() -> view(earlier.get().ticketNumber()));
        boolean alertOfClosedTicket = key.startsWith("alert:")
            && ticket.map(found -> TicketView.CLOSED.equals(found.ticket().status())).orElse(true);
        if (!alertOfClosedTicket) {
          return new Registration(false, ticket.orElseThrow().ticket());
        }
        keys.release(key); // the alert's ticket is closed: the alert is new trouble
      }
      keys.reserve(key, EngineClock.now());
    }
    // the ticket's variables as the start left them: no queries while the ticket number's row stays locked
    ProcessInstanceWithVariables started = runtime.createProcessInstanceByKey(TicketProcess.KEY)
        .setVariables(new HashMap<>(fields)).executeWithVariablesInReturn();
    String number = started.getBusinessKey();
    if (key != null) {
      keys.complete(key, number, started.getId());
    }
    return new Registration(true, view(number, started.getVariables(), false,
        withoutCallersAuthorizations(() -> openSteps(number))));
  }

  private String key(String idempotencyKey, Object alertKey) {
    if (alertKey instanceof String alert && !alert.isBlank()) {
      return "alert:" + alert.trim();
    }
    if (idempotencyKey != null && !idempotencyKey.isBlank()) {
      if (idempotencyKey.length() > 200) {
        throw InvalidInputException.of("Idempotency-Key", "is longer than 200 characters");
      }
      Authentication caller = identity.getCurrentAuthentication();
      return "request:" + (caller == null ? "" : caller.getUserId()) + ":" + idempotencyKey.trim();
    }
    return null;
  }

  private record Found(String processInstanceId, TicketView ticket) {
  }

  private Optional<Found> view(String number) {
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(TicketProcess.KEY).processInstanceBusinessKey(number).singleResult();
    if (instance == null) {
      return Optional.empty();
    }
    boolean closed = instance.getEndTime() != null;
    return Optional.of(new Found(instance.getId(), view(number, variables(instance.getId()), closed,
        closed ? List.of() : openSteps(number))));
  }

  private static TicketView view(String number, Map<String, Object> values, boolean closed, List<String> openSteps) {
    return new TicketView(number, (String) values.get(TITLE), (String) values.get(PRIORITY),
        closed ? TicketView.CLOSED : TicketView.OPEN, openSteps, (String) values.get(SLA_CLOCK),
        instant(values.get(SUBMITTED_AT)), instant(values.get(RESPONSE_DUE_AT)), instant(values.get(RESOLUTION_DUE_AT)),
        (Boolean) values.get(SLA_PAUSED), instant(values.get(CLOSED_AT)));
  }

  private List<String> openSteps(String number) {
    return tasks.createTaskQuery().processInstanceBusinessKey(number).orderByTaskCreateTime().asc().list().stream()
        .map(Task::getName).distinct().toList();
  }

  private Map<String, Object> variables(String processInstanceId) {
    return history.createHistoricVariableInstanceQuery().processInstanceIdIn(processInstanceId)
        .variableNameIn(TITLE, PRIORITY, SLA_CLOCK, SUBMITTED_AT, RESPONSE_DUE_AT, RESOLUTION_DUE_AT, SLA_PAUSED,
            CLOSED_AT, REQUESTER_ID)
        .list().stream().filter(variable -> variable.getValue() != null)
        .collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue,
            (first, second) -> first));
  }

  private static Instant instant(Object date) {
    return date == null ? null : ((Date) date).toInstant();
  }

  private <T> T withoutCallersAuthorizations(Supplier<T> read) {
    return WithoutCallersAuthorizations.read(identity, read);
  }
}
