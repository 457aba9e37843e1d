package org.itsupport.requester;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.itsupport.ApplicationTest;
import org.itsupport.browser.WebappSession;
import org.itsupport.model.TicketProcess;
import org.itsupport.notification.NoticeOutbox;
import org.itsupport.ticket.SampleIntake;
import org.itsupport.ticket.TicketForms;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** "My tickets" over HTTP, as Tasklist asks for it: each requester sees their own tickets, nobody else's. */
@ApplicationTest
class MyTicketsApiTest {

  private static final String API = "/api/tasklist/plugin/my-tickets/default";
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  NoticeOutbox outbox;

  @Test
  void aRequesterSeesHerTicket_whereItStands_andHerOwnTask() throws Exception {
    ProcessInstance ticket = open("bob");
    String number = ticket.getBusinessKey();

    JsonNode mine = find(tickets("bob"), number);
    assertThat(mine.get("status").asText()).isEqualTo("With the service desk");
    assertThat(mine.get("waitingFor").asText()).isEqualTo("the service desk");
    assertThat(mine.get("priority").asText()).isEqualTo("P3");
    assertThat(mine.get("open").asBoolean()).isTrue();
    assertThat(mine.get("responseDueAt").asText()).isNotEmpty();
    assertThat(mine.get("conversation")).singleElement()
        .satisfies(message -> assertThat(message.get("subject").asText()).isEqualTo("Ticket " + number
            + " received: Laptop cannot log in"));
    assertThat(mine.has("yourTaskId")).isFalse();

    // solved at first line: now it waits for bob, and names his task
    Task firstLine = engine.getTaskService().createTaskQuery().processInstanceId(ticket.getId()).singleResult();
    engine.getTaskService().claim(firstLine.getId(), "dora");
    engine.getTaskService().complete(firstLine.getId(), TicketForms.solvedAtFirstLine());
    Task verification = engine.getTaskService().createTaskQuery().processInstanceId(ticket.getId()).singleResult();
    JsonNode waiting = find(tickets("bob"), number);
    assertThat(waiting.get("status").asText()).isEqualTo("Fix delivered");
    assertThat(waiting.get("waitingFor").asText()).isEqualTo("you: please confirm the fix works");
    assertThat(waiting.get("yourTaskId").asText()).isEqualTo(verification.getId());

    // bob sees the conversation on his own task, but writes to nobody from it
    WebappSession bob = session("bob");
    assertThat(bob.get(API + "/tasks/" + verification.getId() + "/conversation").statusCode()).isEqualTo(200);
    assertThat(bob.send("POST", API + "/tasks/" + verification.getId() + "/messages", "{\"message\": \"Hi\"}",
        "application/json").statusCode()).isEqualTo(403);

    // what bob mailed about it is there too
    outbox.received(number, ticket.getId(), "bob@example.org", "Re: Ticket " + number, "It works again, thanks",
        java.time.Instant.now());
    assertThat(find(tickets("bob"), number).get("conversation").findValuesAsText("text"))
        .contains("It works again, thanks");
  }

  @Test
  void nobodySeesAnotherRequestersTickets_andAnonymousGetsNothing() throws Exception {
    String number = open("bob").getBusinessKey();

    assertThat(tickets("alice").findValuesAsText("number")).doesNotContain(number);
    assertThat(tickets("dora").findValuesAsText("number")).doesNotContain(number); // agents use their task lists
    assertThat(WebappSession.anonymous(port, "tasklist").get(API + "/tickets").statusCode()).isIn(401, 403);
  }

  @Test
  void theProfile_fillsInTheStartForm() throws Exception {
    JsonNode profile = get("alice", "/profile");
    assertThat(profile.get("requesterName").asText()).isEqualTo("Alice Archer");
    assertThat(profile.get("requesterDepartment").asText()).isEqualTo("Finance");
    assertThat(profile.get("requesterContact").asText()).isEqualTo("alice@example.org");
  }

  @Test
  void theAgentOnATask_seesTheConversation_andWritesToTheRequester() throws Exception {
    ProcessInstance ticket = open("bob");
    Task firstLine = engine.getTaskService().createTaskQuery().processInstanceId(ticket.getId()).singleResult();
    engine.getTaskService().claim(firstLine.getId(), "dora");
    WebappSession dora = session("dora");
    String conversation = API + "/tasks/" + firstLine.getId() + "/conversation";

    JsonNode view = JSON.readTree(dora.get(conversation).body());
    assertThat(view.get("ticketNumber").asText()).isEqualTo(ticket.getBusinessKey());
    assertThat(view.get("mayWrite").asBoolean()).isTrue();
    assertThat(view.get("messages").findValuesAsText("kind")).containsExactly("received");

    HttpResponse<String> sent = dora.send("POST", API + "/tasks/" + firstLine.getId() + "/messages",
        "{\"message\": \"Is the laptop docked or on battery?\"}", "application/json");
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(204);
    assertThat(outbox.ofTicket(ticket.getBusinessKey())).filteredOn(notice -> notice.kind().equals("agent-message"))
        .singleElement().satisfies(notice -> {
          assertThat(notice.subject()).isEqualTo("Ticket " + ticket.getBusinessKey() + ": a message from Dora Desk");
          assertThat(notice.body()).contains("Is the laptop docked or on battery?");
          assertThat(notice.addresses()).containsExactly("bob@example.org");
        });
    assertThat(JSON.readTree(dora.get(conversation).body()).get("messages").findValuesAsText("kind"))
        .containsExactly("received", "agent-message");

    // nothing to say: 400 naming the field; someone else's task: refused; a task one cannot see: 404
    HttpResponse<String> empty = dora.send("POST", API + "/tasks/" + firstLine.getId() + "/messages",
        "{\"message\": \"  \"}", "application/json");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("message");
    HttpResponse<String> dean = session("dean").send("POST", API + "/tasks/" + firstLine.getId() + "/messages",
        "{\"message\": \"Hello\"}", "application/json");
    assertThat(dean.statusCode()).isEqualTo(403);
    assertThat(session("bob").get(conversation).statusCode()).isEqualTo(404);
    assertThat(session("hank").get(conversation).statusCode()).isEqualTo(404);
  }

  private WebappSession session(String user) {
    return WebappSession.loggedIn(port, "tasklist", user);
  }

  private ProcessInstance open(String requester) {
    Map<String, Object> intake = SampleIntake.intake(Map.of("requesterId", requester,
        "requesterName", "Bob Baker", "requesterContact", "bob@example.org"));
    ProcessInstance ticket = engine.getRuntimeService().startProcessInstanceByKey(TicketProcess.KEY, intake);
    for (Job job : engine.getManagementService().createJobQuery().processInstanceId(ticket.getId()).list()) {
      engine.getManagementService().executeJob(job.getId());
    }
    return ticket;
  }

  private JsonNode tickets(String user) throws Exception {
    return get(user, "/tickets");
  }

  private JsonNode get(String user, String path) throws Exception {
    HttpResponse<String> response = session(user).get(API + path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static JsonNode find(JsonNode tickets, String number) {
    for (JsonNode ticket : tickets) {
      if (number.equals(ticket.get("number").asText())) {
        return ticket;
      }
    }
    throw new AssertionError("no ticket " + number + " in " + tickets);
  }
}
