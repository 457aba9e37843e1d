package org.itsupport.audit;

import static org.itsupport.model.TicketVariables.*;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricProcessInstance;

/** A ticket as the search lists it and the CSV export writes it; times are ISO-8601 instants. */
public record TicketRow(String number, String processInstanceId, String title, String requesterId,
    String requesterName, String serviceType, String priority, String status, String submittedAt, String closedAt,
    String responseSla, String resolutionSla) {

  public static final String OPEN = "open";
  public static final String CLOSED = "closed";
  public static final String CANCELLED = "cancelled";
  /** An SLA's outcome: kept, broken, or still running. */
  public static final String MET = "met";
  public static final String MISSED = "missed";
  public static final String RUNNING = "running";

  static TicketRow of(HistoricProcessInstance ticket, Map<String, Object> variables) {
    String status = status(ticket);
    return new TicketRow(ticket.getBusinessKey(), ticket.getId(), text(variables.get(TITLE)),
        text(variables.get(REQUESTER_ID)), text(variables.get(REQUESTER_NAME)), text(variables.get(SERVICE_TYPE)),
        text(variables.get(PRIORITY)), status, instant(ticket.getStartTime()), instant(ticket.getEndTime()),
        sla(status, variables.get(RESPONSE_SLA_MET), variables.get(RESPONSE_SLA_BREACHED)),
        sla(status, variables.get(RESOLUTION_SLA_MET), variables.get(RESOLUTION_SLA_BREACHED)));
  }

  static String status(HistoricProcessInstance ticket) {
    if (ticket.getEndTime() == null) {
      return OPEN;
    }
    return HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(ticket.getState()) ? CANCELLED : CLOSED;
  }

  /** Missed once breached or found late at closing; met when closing found it kept; none for a cancelled ticket. */
  static String sla(String status, Object met, Object breached) {
    if (Boolean.TRUE.equals(breached) || Boolean.FALSE.equals(met)) {
      return MISSED;
    }
    if (Boolean.TRUE.equals(met)) {
      return MET;
    }
    return OPEN.equals(status) ? RUNNING : null;
  }

  static String instant(Date date) {
    return date == null ? null : date.toInstant().toString();
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
