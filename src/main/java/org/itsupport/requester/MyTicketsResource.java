package org.itsupport.requester;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginResource;
import org.itsupport.notification.NoticeOutbox;
import org.itsupport.notification.TaskConversation;
import org.itsupport.ticket.InvalidInputException;

/**
 * Only about the signed-in user: their profile (for the start form), their tickets, and the conversation of the
 * tickets whose tasks they can see, to which an agent adds from a task assigned to them. There is no parameter
 * naming a user.
 */
@Produces(MediaType.APPLICATION_JSON)
public class MyTicketsResource extends AbstractTasklistPluginResource {

  private final NoticeOutbox outbox;
  private final TaskConversation conversation;

  public MyTicketsResource(String engineName, NoticeOutbox outbox, TaskConversation conversation) {
    super(engineName);
    this.outbox = outbox;
    this.conversation = conversation;
  }

  @GET
  @Path("profile")
  public Profiles.Profile profile() {
    return Profiles.of(getProcessEngine().getIdentityService(), signedIn());
  }

  @GET
  @Path("tickets")
  public List<MyTicket> tickets() {
    return new MyTickets(getProcessEngine(), outbox).of(signedIn());
  }

  /** The conversation of the ticket a task belongs to, for whoever may see the task (Tasklist's task tab). */
  @GET
  @Path("tasks/{taskId}/conversation")
  public TaskConversation.View conversation(@PathParam("taskId") String taskId) {
    signedIn();
    return conversation.of(taskId)
        .orElseThrow(() -> new InvalidRequestException(Status.NOT_FOUND, "There is no open task '" + taskId + "'"));
  }

  /** The task's assignee writes to the requester: {"message": "..."}; the requester gets it as a notice. */
  @POST
  @Path("tasks/{taskId}/messages")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response write(@PathParam("taskId") String taskId, Map<String, Object> body) {
    signedIn();
    Object text = body == null ? null : body.get("message");
    if (text != null && !(text instanceof String)) {
      throw new InvalidRequestException(Status.BAD_REQUEST, "message: is text");
    }
    try {
      if (!conversation.write(taskId, (String) text)) {
        throw new InvalidRequestException(Status.FORBIDDEN,
            "Only the agent the task '" + taskId + "' is assigned to writes to the requester from it");
      }
    } catch (InvalidInputException e) {
      throw new InvalidRequestException(Status.BAD_REQUEST, e.getMessage());
    }
    return Response.noContent().build();
  }

  private String signedIn() {
    Authentication caller = getProcessEngine().getIdentityService().getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      throw new InvalidRequestException(Status.UNAUTHORIZED, "Sign in to see your tickets");
    }
    return caller.getUserId();
  }

}
