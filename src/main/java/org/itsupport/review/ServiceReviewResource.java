package org.itsupport.review;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.YearMonth;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.itsupport.audit.AuditAccess;
import org.itsupport.shared.WithoutCallersAuthorizations;
import org.itsupport.ticket.InvalidInputException;

/**
 * Read-only: GETs only, answered to those who may read the tickets' history (service managers, auditors, the
 * admin). Once that is checked, the figures are worked out as the process, over every ticket.
 */
@Produces(MediaType.APPLICATION_JSON)
public class ServiceReviewResource extends AbstractCockpitPluginResource {

  private final ReviewPages pages;

  public ServiceReviewResource(String engineName, ReviewPages pages) {
    super(engineName);
    this.pages = pages;
  }

  /** Whether the signed-in user may see the page, and the month it opens with. */
  @GET
  @Path("access")
  public Map<String, Object> access() {
    return Map.of("mayView", AuditAccess.mayAudit(getProcessEngine()), "lastEnded", pages.lastEnded().toString());
  }

  @GET
  @Path("reviews/{month}")
  public ReviewPages.Page review(@PathParam("month") String month) {
    return asTheProcess(() -> pages.page(month(month)));
  }

  @GET
  @Path("reviews/{month}.csv")
  @Produces("text/csv")
  public Response csv(@PathParam("month") String month) {
    ReviewPages.Page page = asTheProcess(() -> pages.page(month(month)));
    StreamingOutput csv = out -> ReviewCsv.write(page, out);
    return Response.ok(csv, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"service-review-" + page.month() + ".csv\"").build();
  }

  private YearMonth month(String text) {
    try {
      return pages.month(text);
    } catch (InvalidInputException e) {
      throw new InvalidRequestException(Status.BAD_REQUEST, String.join("; ", e.problems()));
    }
  }

  private <T> T asTheProcess(Supplier<T> read) {
    if (!AuditAccess.mayAudit(getProcessEngine())) {
      throw new InvalidRequestException(Status.FORBIDDEN, "The service review needs the READ_HISTORY permission on"
          + " the ticket process (service managers, auditors)");
    }
    return WithoutCallersAuthorizations.read(getProcessEngine().getIdentityService(), read);
  }
}
