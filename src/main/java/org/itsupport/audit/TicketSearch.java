package org.itsupport.audit;

import static org.itsupport.model.TicketVariables.*;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.cockpit.db.QueryParameters;
import org.camunda.bpm.cockpit.db.QueryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.itsupport.ticket.InputRules;
import org.itsupport.ticket.InputRules.Problem;
import org.itsupport.ticket.InvalidInputException;
import org.itsupport.model.TicketProcess;

/**
 * Finds tickets, open and closed, in the engine's history: by number, requester, service type, priority,
 * status, submission date and SLA outcome, newest first. Finds nothing for a signed-in user who may not read
 * the ticket process's history.
 */
public class TicketSearch {

  public static final List<String> STATUSES = List.of(TicketRow.OPEN, TicketRow.CLOSED, TicketRow.CANCELLED);
  public static final List<String> SLA_OUTCOMES = List.of(TicketRow.MET, TicketRow.MISSED);
  public static final int MAX_PAGE_SIZE = 200;

  /** What an auditor filters by; null or blank means "any". */
  public record Criteria(String number, String requester, String serviceType, String priority, String status,
      String submittedFrom, String submittedTo, String sla) {
  }

  /** One page of tickets and how many match in all. */
  public record Page(long total, int firstResult, int maxResults, List<TicketRow> tickets) {
  }

  private static final String[] ROW_VARIABLES = {TITLE, REQUESTER_ID, REQUESTER_NAME, SERVICE_TYPE, PRIORITY,
      SUBMITTED_AT, CLOSED_AT, RESPONSE_SLA_MET, RESOLUTION_SLA_MET, RESPONSE_SLA_BREACHED, RESOLUTION_SLA_BREACHED};

  private final ProcessEngine engine;
  private final QueryService queries;

  /** The engine to read tickets with, and Cockpit's query service for this plugin's search statements. */
  public TicketSearch(ProcessEngine engine, QueryService queries) {
    this.engine = engine;
    this.queries = queries;
  }

  public Page page(Criteria criteria, int firstResult, int maxResults) {
    List<Problem> problems = new ArrayList<>();
    if (firstResult < 0) {
      problems.add(new Problem("firstResult", "must be 0 or more"));
    }
    if (maxResults < 1 || maxResults > MAX_PAGE_SIZE) {
      problems.add(new Problem("maxResults", "must be between 1 and " + MAX_PAGE_SIZE));
    }
    Map<String, Object> filters = filters(criteria, problems);
    if (!AuditAccess.mayAudit(engine)) {
      return new Page(0, firstResult, maxResults, List.of());
    }
    long total = queries.executeQueryRowCount("itsupport.ticketAudit.selectTicketCount", parameters(filters, 0, 1));
    return new Page(total, firstResult, maxResults, tickets(filters, firstResult, maxResults));
  }

  /** Every matching ticket, a page at a time, for the CSV export. */
  public void each(Criteria criteria, Consumer<TicketRow> row) {
    Map<String, Object> filters = filters(criteria, new ArrayList<>());
    if (!AuditAccess.mayAudit(engine)) {
      return;
    }
    List<TicketRow> page;
    int first = 0;
    do {
      page = tickets(filters, first, MAX_PAGE_SIZE);
      page.forEach(row);
      first += MAX_PAGE_SIZE;
    } while (page.size() == MAX_PAGE_SIZE);
  }

  /**
   * One page of matching tickets, newest first. The search statement finds their ids; the engine then reads
   * them as the signed-in user, so its authorizations decide what is shown.
   */
  private List<TicketRow> tickets(Map<String, Object> filters, int firstResult, int maxResults) {
    List<String> ids = queries.executeQuery("itsupport.ticketAudit.selectTicketIds",
        parameters(filters, firstResult, maxResults));
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, HistoricProcessInstance> byId = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceIds(Set.copyOf(ids)).list().stream()
        .collect(Collectors.toMap(HistoricProcessInstance::getId, Function.identity()));
    return rows(ids.stream().map(byId::get).filter(Objects::nonNull).toList());
  }

  private static QueryParameters parameters(Map<String, Object> filters, int firstResult, int maxResults) {
    QueryParameters parameters = new QueryParameters();
    parameters.setParameter(filters);
    parameters.setFirstResult(firstResult);
    parameters.setMaxResults(maxResults);
    return parameters;
  }

  /** The criteria as the search statement's parameters; refuses them all at once, each with its problem. */
  private static Map<String, Object> filters(Criteria criteria, List<Problem> problems) {
    Map<String, Object> filters = new HashMap<>();
    filters.put("processDefinitionKey", TicketProcess.KEY);
    // what cannot be searched for (PostgreSQL refuses a NUL byte as a 500) is refused with the rest, below
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("number", criteria.number());
    texts.put("requester", criteria.requester());
    texts.put("serviceType", criteria.serviceType());
    texts.put("priority", criteria.priority());
    texts.forEach((field, text) -> {
      if (text != null) {
        InputRules.unstorable(text).ifPresent(reason -> problems.add(new Problem(field, reason)));
        if (text.length() > 200) {
          problems.add(new Problem(field, "is " + text.length() + " characters long, at most 200 are searched"));
        }
      }
    });
    if (present(criteria.number())) {
      filters.put("numberLike", escapeLike(criteria.number().trim()) + "%");
    }
    if (present(criteria.requester())) {
      String requester = criteria.requester().trim().toLowerCase(Locale.ROOT);
      filters.put("requesterLower", requester);
      filters.put("requesterLike", "%" + escapeLike(requester) + "%");
    }
    if (present(criteria.serviceType())) {
      filters.put("serviceType", criteria.serviceType().trim());
    }
    if (present(criteria.priority())) {
      filters.put("priority", criteria.priority().trim().toUpperCase(Locale.ROOT));
    }
    if (present(criteria.status())) {
      String status = criteria.status().trim().toLowerCase(Locale.ROOT);
      if (STATUSES.contains(status)) {
        filters.put("status", status);
      } else {
        problems.add(new Problem("status", oneOf(criteria.status(), STATUSES)));
      }
    }
    if (present(criteria.sla())) {
      String sla = criteria.sla().trim().toLowerCase(Locale.ROOT);
      if (SLA_OUTCOMES.contains(sla)) {
        filters.put("sla", sla);
      } else {
        problems.add(new Problem("sla", oneOf(criteria.sla(), SLA_OUTCOMES)));
      }
    }
    filters.put("submittedFrom", date("submittedFrom", criteria.submittedFrom(), problems));
    filters.put("submittedTo", date("submittedTo", criteria.submittedTo(), problems));
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return filters;
  }

  private List<TicketRow> rows(List<HistoricProcessInstance> tickets) {
    if (tickets.isEmpty()) {
      return List.of();
    }
    String[] ids = tickets.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
    Map<String, Map<String, Object>> variables = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceIdIn(ids).variableNameIn(ROW_VARIABLES).disableCustomObjectDeserialization().list().stream()
        .filter(variable -> variable.getValue() != null)
        .collect(Collectors.groupingBy(HistoricVariableInstance::getProcessInstanceId,
            Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue, (a, b) -> a)));
    Function<HistoricProcessInstance, TicketRow> row = ticket -> TicketRow.of(ticket,
        variables.getOrDefault(ticket.getId(), Map.of()));
    return tickets.stream().map(row).toList();
  }

  private static Date date(String field, String value, List<Problem> problems) {
    if (!present(value)) {
      return null;
    }
    try {
      return Date.from(Instant.parse(value.trim()));
    } catch (DateTimeParseException notAnInstant) {
      try {
        return Date.from(OffsetDateTime.parse(value.trim()).toInstant());
      } catch (DateTimeParseException e) {
        problems.add(new Problem(field, InputRules.quoted(value) + " is not a date and time such as 2026-11-01T00:00:00Z"));
        return null;
      }
    }
  }

  private static String oneOf(String value, List<String> allowed) {
    return InputRules.quoted(value) + " is not one of " + String.join(", ", allowed);
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  /** The engine's like queries treat _ and % as wildcards and escape with a backslash. */
  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
