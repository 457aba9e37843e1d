package org.itsupport.audit;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.cockpit.db.QueryParameters;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.itsupport.notification.NoticeOutbox;
import org.itsupport.ticket.InvalidInputException;

/**
 * Read-only by construction: every endpoint is a GET that queries history as the signed-in user, and only
 * users who may read the ticket process's history (auditors, service managers, the admin) get an answer.
 */
@Produces(MediaType.APPLICATION_JSON)
public class TicketAuditResource extends AbstractCockpitPluginResource {

  private final NoticeOutbox conversation;

  public TicketAuditResource(String engineName, NoticeOutbox conversation) {
    super(engineName);
    this.conversation = conversation;
  }

  /** Whether the signed-in user may use these pages; the front end shows its menu entry only then. */
  @GET
  @Path("access")
  public Map<String, Boolean> access() {
    return Map.of("mayAudit", mayAudit());
  }

  @GET
  @Path("tickets")
  public TicketSearch.Page tickets(@QueryParam("number") String number, @QueryParam("requester") String requester,
      @QueryParam("serviceType") String serviceType, @QueryParam("priority") String priority,
      @QueryParam("status") String status, @QueryParam("submittedFrom") String submittedFrom,
      @QueryParam("submittedTo") String submittedTo, @QueryParam("sla") String sla,
      @QueryParam("firstResult") @DefaultValue("0") int firstResult,
      @QueryParam("maxResults") @DefaultValue("25") int maxResults) {
    requireAuditor();
    TicketSearch.Criteria criteria = new TicketSearch.Criteria(number, requester, serviceType, priority, status,
        submittedFrom, submittedTo, sla);
    try {
      return new TicketSearch(getProcessEngine(), getQueryService()).page(criteria, firstResult, maxResults);
    } catch (InvalidInputException e) {
      throw new InvalidRequestException(Status.BAD_REQUEST, e.getMessage());
    }
  }

  @GET
  @Path("tickets.csv")
  @Produces("text/csv")
  public Response ticketsCsv(@QueryParam("number") String number, @QueryParam("requester") String requester,
      @QueryParam("serviceType") String serviceType, @QueryParam("priority") String priority,
      @QueryParam("status") String status, @QueryParam("submittedFrom") String submittedFrom,
      @QueryParam("submittedTo") String submittedTo, @QueryParam("sla") String sla) {
    requireAuditor();
    TicketSearch search = new TicketSearch(getProcessEngine(), getQueryService());
    TicketSearch.Criteria criteria = new TicketSearch.Criteria(number, requester, serviceType, priority, status,
        submittedFrom, submittedTo, sla);
    try {
      search.page(criteria, 0, 1); // bad criteria answer 400 before the download starts
    } catch (InvalidInputException e) {
      throw new InvalidRequestException(Status.BAD_REQUEST, e.getMessage());
    }
    StreamingOutput csv = out -> TicketsCsv.write(search, criteria, out);
    return Response.ok(csv, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"tickets.csv\"").build();
  }

  @GET
  @Path("tickets/{number}")
  public TicketTrail trail(@PathParam("number") String number) {
    requireAuditor();
    return new TicketTrailReader(getProcessEngine(), conversation).read(number).orElseThrow(
        () -> new InvalidRequestException(Status.NOT_FOUND, "No ticket " + number));
  }

  /** Numbers that were handed out and never became a ticket, newest first; of one month ({@code yyyyMM}) or all. */
  @GET
  @Path("ticket-numbers/voided")
  public List<VoidedNumber> voidedNumbers(@QueryParam("month") String month,
      @QueryParam("firstResult") @DefaultValue("0") int firstResult,
      @QueryParam("maxResults") @DefaultValue("25") int maxResults) {
    requireAuditor();
    if (month != null && !month.matches("\\d{6}")) {
      throw new InvalidRequestException(Status.BAD_REQUEST, "month: '" + month + "' is not a month such as 202612");
    }
    if (firstResult < 0 || maxResults < 1 || maxResults > TicketSearch.MAX_PAGE_SIZE) {
      throw new InvalidRequestException(Status.BAD_REQUEST,
          "firstResult must be 0 or more, maxResults between 1 and " + TicketSearch.MAX_PAGE_SIZE);
    }
    QueryParameters parameters = new QueryParameters();
    parameters.setParameter(month == null ? Map.of() : Map.of("period", month));
    parameters.setFirstResult(firstResult);
    parameters.setMaxResults(maxResults);
    return getQueryService().executeQuery("itsupport.ticketAudit.selectVoidedNumbers", parameters);
  }

  private void requireAuditor() {
    if (!mayAudit()) {
      throw new InvalidRequestException(Status.FORBIDDEN,
          "Reading ticket history needs the READ_HISTORY permission on the ticket process (auditors, service managers)");
    }
  }

  private boolean mayAudit() {
    Authentication user = getCurrentAuthentication();
    return user != null && AuditAccess.mayAudit(getProcessEngine(), user);
  }
}
