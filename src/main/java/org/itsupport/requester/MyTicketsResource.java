package org.itsupport.requester;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginResource;
import org.itsupport.notification.NoticeOutbox;

/**
 * Read-only, and only about the signed-in user: their profile (for the start form) and their tickets. Nobody
 * can ask about anyone else: there is no parameter naming a user.
 */
@Produces(MediaType.APPLICATION_JSON)
public class MyTicketsResource extends AbstractTasklistPluginResource {

  public MyTicketsResource(String engineName) {
    super(engineName);
  }

  @GET
  @Path("profile")
  public Profiles.Profile profile() {
    return Profiles.of(getProcessEngine().getIdentityService(), signedIn());
  }

  @GET
  @Path("tickets")
  public List<MyTicket> tickets() {
    return new MyTickets(getProcessEngine(), outbox()).of(signedIn());
  }

  private String signedIn() {
    Authentication caller = getProcessEngine().getIdentityService().getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      throw new InvalidRequestException(Status.UNAUTHORIZED, "Sign in to see your tickets");
    }
    return caller.getUserId();
  }

  /** The notices, on the engine's own database. */
  private NoticeOutbox outbox() {
    return new NoticeOutbox(((ProcessEngineConfigurationImpl) getProcessEngine().getProcessEngineConfiguration())
        .getDataSource());
  }
}
