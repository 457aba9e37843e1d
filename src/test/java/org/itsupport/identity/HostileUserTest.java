package org.itsupport.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.itsupport.model.TicketVariables.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.itsupport.ApplicationTest;
import org.itsupport.ticket.SampleIntake;
import org.itsupport.model.TicketProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Signed-in users trying the side doors of the REST API that Tasklist and Cockpit use, each hole as it was found:
 * every refusal answers 4xx with a reason and changes nothing.
 */
@ApplicationTest
class HostileUserTest {

  /** The other member of the service desk in the demo data. */
  static final String DESK_COLLEAGUE = "dean";

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProcessEngine engine;
  EngineRest api;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  HistoryService history;
  @Autowired
  IdentityService identity;

  @AfterEach
  void signOut() {
    identity.clearAuthentication();
  }

  @BeforeEach
  void api() {
    api = new EngineRest(rest, engine);
  }

  @Test
  void executingAJob_isForOperators_andARefusedCallTakesNoRetry() {
    ProcessInstance ticket = api.ticketAtFirstLine();
    Job timer = management.createJobQuery().processInstanceId(ticket.getId()).timers().list().get(0);
    int retries = timer.getRetries();
    for (String user : List.of("alice", "audrey", "dora", "mia")) {
      for (int call = 0; call < 3; call++) {
        ResponseEntity<String> refused = api.call(user, HttpMethod.POST, "/job/" + timer.getId() + "/execute", null);
        assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      }
      for (String write : List.of("/retries", "/duedate", "/suspended", "/priority")) {
        Map<String, Object> body = switch (write) {
          case "/retries" -> Map.of("retries", 0);
          case "/duedate" -> Map.of("duedate", "2030-01-01T00:00:00.000+0000");
          case "/suspended" -> Map.of("suspended", true);
          default -> Map.of("priority", 99);
        };
        assertThat(api.call(user, HttpMethod.PUT, "/job/" + timer.getId() + write, body).getStatusCode())
            .as("%s %s", user, write).isEqualTo(HttpStatus.FORBIDDEN);
      }
    }
    Job after = management.createJobQuery().jobId(timer.getId()).singleResult();
    assertThat(after.getRetries()).isEqualTo(retries);
    assertThat(after.getDuedate()).isEqualTo(timer.getDuedate());
    assertThat(after.isSuspended()).isFalse();
    assertThat(after.getPriority()).isEqualTo(timer.getPriority());
    assertThat(runtime.createIncidentQuery().processInstanceId(ticket.getId()).count()).isZero();
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void completingATask_setsOnlyTheFieldsOfItsForm(CapturedOutput log) {
    ProcessInstance ticket = api.ticketAtFirstLine();
    Task firstLine = api.firstLineTask(ticket);
    tasks.claim(firstLine.getId(), "dora");
    Map<String, Object> values = new HashMap<>(Map.of(FIRST_LINE_NOTES, "printer offline", FIRST_LINE_OUTCOME,
        "solved", RESOLUTION, "restarted the spooler", PRIORITY, "P4", REQUESTER_ID, "bob", "initiator", "bob",
        // shown on the form, display-only: the ticket as submitted cannot be rewritten from a task
        DESCRIPTION, "nothing happened"));
    for (String endpoint : List.of("/complete", "/submit-form")) {
      ResponseEntity<String> refused = api.call("dora", HttpMethod.POST, "/task/" + firstLine.getId() + endpoint,
          Map.of("variables", EngineRest.variables(values)));
      assertThat(refused.getStatusCode()).as(endpoint).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).contains("priority: is not a field of this form")
          .contains("requesterId: is not a field of this form").contains("initiator: is not a field of this form")
          .contains("description: is not a field of this form")
          .doesNotContain("firstLineNotes: is not");
    }
    assertThat(tasks.createTaskQuery().taskId(firstLine.getId()).count()).isOne();
    // a refusal is logged in one line, not as an error with the engine's stack trace
    assertThat(log.getOut()).contains("Refused CompleteTaskCmd for dora: Please correct: description: is not a field")
        .doesNotContain("ENGINE-16004");
    assertThat(runtime.getVariable(ticket.getId(), PRIORITY)).isEqualTo("P3");
    assertThat(runtime.getVariable(ticket.getId(), REQUESTER_ID)).isEqualTo("alice");

    // the form's own fields alone are accepted
    values.keySet().retainAll(List.of(FIRST_LINE_NOTES, FIRST_LINE_OUTCOME, RESOLUTION));
    assertThat(api.call("dora", HttpMethod.POST, "/task/" + firstLine.getId() + "/complete",
        Map.of("variables", EngineRest.variables(values))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  void textLongerThanTheFormAllows_isRefusedWith400_asTheFormSaysBeforeSubmitting() {
    Task firstLine = api.firstLineTask(api.ticketAtFirstLine());
    tasks.claim(firstLine.getId(), "dora");
    Map<String, Object> values = new HashMap<>(Map.of(FIRST_LINE_NOTES, "n".repeat(4001), FIRST_LINE_OUTCOME,
        "solved", RESOLUTION, "restarted the spooler"));
    ResponseEntity<String> refused = api.call("dora", HttpMethod.POST, "/task/" + firstLine.getId() + "/complete",
        Map.of("variables", EngineRest.variables(values)));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("firstLineNotes: is 4001 characters long, at most 4000 are allowed")
        .hasSizeLessThan(1000);

    values.put(FIRST_LINE_NOTES, "n".repeat(4000));
    assertThat(api.call("dora", HttpMethod.POST, "/task/" + firstLine.getId() + "/complete",
        Map.of("variables", EngineRest.variables(values))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  void largeInput_isRefusedWithoutBeingEchoedBack() {
    ResponseEntity<String> refused = open("alice", Map.of(CHANNEL, "x".repeat(100_000)));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("\"field\":\"channel\"").contains("'xxxxxxxxxx")
        .hasSizeLessThan(1000);

    ResponseEntity<String> tooLarge = open("alice", Map.of(CHANNEL, "x".repeat(100_000), DESCRIPTION,
        "y".repeat(2_000_000)));
    assertThat(tooLarge.getStatusCode()).as(tooLarge.getBody()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(tooLarge.getBody()).contains("at most 1048576 bytes are accepted").hasSizeLessThan(1000);
  }

  @Test
  void clientMistakesOnTasks_get4xxWithTheReason_never500() {
    ResponseEntity<String> unknown = api.call("dora", HttpMethod.POST, "/task/no-such-task/complete",
        Map.of("variables", Map.of()));
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getBody()).contains("There is no open task 'no-such-task'");
    assertThat(api.call("dora", HttpMethod.POST, "/task/no-such-task/claim", Map.of("userId", "dora"))
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    Task firstLine = api.firstLineTask(api.ticketAtFirstLine());
    tasks.claim(firstLine.getId(), "dora");
    ResponseEntity<String> taken = api.call(DESK_COLLEAGUE, HttpMethod.POST, "/task/" + firstLine.getId()
        + "/claim", Map.of("userId", DESK_COLLEAGUE));
    assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(taken.getBody()).contains("already claimed by dora");

    for (Map<String, Object> value : List.of(
        Map.<String, Object>of("value", "{not json", "type", "Json"),
        Map.<String, Object>of("value", "rO0ABXQABWhlbGxv", "type", "Object", "valueInfo",
            Map.of("objectTypeName", "java.lang.String", "serializationDataFormat", "application/x-java-serialized-object")),
        Map.<String, Object>of("value", "{\"a\":1}", "type", "Object", "valueInfo",
            Map.of("objectTypeName", "java.util.HashMap", "serializationDataFormat", "application/json")))) {
      ResponseEntity<String> refused = api.call("dora", HttpMethod.POST, "/task/" + firstLine.getId() + "/complete",
          Map.of("variables", Map.of(FIRST_LINE_NOTES, value)));
      assertThat(refused.getStatusCode()).as("%s", value).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).as("%s", value).contains("firstLineNotes: must be text");
    }
    assertThat(tasks.createTaskQuery().taskId(firstLine.getId()).count()).isOne();
  }

  @Test
  void textThatCannotBeKeptOrReadIsRefused() {
    Map<String, String> titles = Map.of(
        "Printer\u0000offline", "title: contains a control character at position 8",
        "Printer \uD83D offline", "title: contains a broken character at position 9",
        "\u200B\u200B\u200B", "title: is required");
    titles.forEach((title, problem) -> {
      ResponseEntity<String> refused = open("alice", Map.of(TITLE, title));
      assertThat(refused.getStatusCode()).as(problem).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).as(problem).contains(problem.substring(problem.indexOf(": ") + 2));
    });
    // a ticket about an emoji is still a ticket
    assertThat(open("alice", Map.of(TITLE, "Printer \uD83D\uDDA8 offline")).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void claimingATask_isForOneself_only() {
    Task firstLine = api.firstLineTask(api.ticketAtFirstLine());
    ResponseEntity<String> refused = api.call("dora", HttpMethod.POST, "/task/" + firstLine.getId() + "/claim",
        Map.of("userId", "alice"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getBody()).contains("only for yourself");
    assertThat(tasks.createTaskQuery().taskId(firstLine.getId()).singleResult().getAssignee()).isNull();

    assertThat(api.call("dora", HttpMethod.POST, "/task/" + firstLine.getId() + "/claim", Map.of("userId", "dora"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    // nor may a colleague take it back out of her hands by unclaiming it
    assertThat(api.call(DESK_COLLEAGUE, HttpMethod.POST, "/task/" + firstLine.getId() + "/unclaim", null)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(tasks.createTaskQuery().taskId(firstLine.getId()).singleResult().getAssignee()).isEqualTo("dora");
  }

  @Test
  void aRequester_opensTicketsForHerselfOnly_andLearnsNothingAboutOtherUsers() {
    long before = history.createHistoricProcessInstanceQuery().processDefinitionKey(TicketProcess.KEY).count();
    for (String someoneElse : List.of("bob", "admin", "nobody-by-this-name")) {
      ResponseEntity<String> refused = open("alice", Map.of(REQUESTER_ID, someoneElse));
      assertThat(refused.getStatusCode()).as(someoneElse).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).contains("only for yourself").doesNotContain("there is no user");
    }
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(TicketProcess.KEY).count())
        .isEqualTo(before);

    assertThat(open("dora", Map.of(REQUESTER_ID, "bob")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(open("alice", Map.of(REQUESTER_ID, "alice")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void serviceManagers_reassignToTheTasksGroup_andChangeNothingElse() {
    Task firstLine = api.firstLineTask(api.ticketAtFirstLine());
    String path = "/task/" + firstLine.getId();
    assertThat(api.call("mia", HttpMethod.PUT, path, Map.of("name", "Ignore me", "priority", 1)).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.call("mia", HttpMethod.POST, path + "/identity-links",
        Map.of("groupId", Roles.REQUESTERS, "type", IdentityLinkType.CANDIDATE)).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> toARequester = api.call("mia", HttpMethod.POST, path + "/assignee", Map.of("userId", "bob"));
    assertThat(toARequester.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(toARequester.getBody()).contains("bob is not a member of the task's group");

    Task unchanged = tasks.createTaskQuery().taskId(firstLine.getId()).singleResult();
    assertThat(unchanged.getName()).isEqualTo(firstLine.getName());
    assertThat(unchanged.getPriority()).isEqualTo(firstLine.getPriority());
    assertThat(unchanged.getAssignee()).isNull();
    assertThat(tasks.getIdentityLinksForTask(firstLine.getId())).noneMatch(link -> Roles.REQUESTERS.equals(
        link.getGroupId()));

    assertThat(api.call("mia", HttpMethod.POST, path + "/assignee", Map.of("userId", DESK_COLLEAGUE)).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(tasks.createTaskQuery().taskId(firstLine.getId()).singleResult().getAssignee())
        .isEqualTo(DESK_COLLEAGUE);
  }

  @Test
  void auditorsProcessOwnersAndAgents_addNoCommentsAndKeepTheirProfile() {
    Task firstLine = api.firstLineTask(api.ticketAtFirstLine());
    tasks.claim(firstLine.getId(), "dora");
    for (String user : List.of("audrey", "olga", "mia", "dora")) {
      assertThat(api.call(user, HttpMethod.POST, "/task/" + firstLine.getId() + "/comment/create",
          Map.of("message", "was here")).getStatusCode().is4xxClientError()).as(user).isTrue();
    }
    for (String user : List.of("audrey", "olga", "dora")) {
      assertThat(api.call(user, HttpMethod.PUT, "/user/" + user + "/profile",
          Map.of("id", user, "firstName", "Changed", "lastName", "Name", "email", "x@example.org"))
          .getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(identity.createUserQuery().userId(user).singleResult().getFirstName()).isNotEqualTo("Changed");
    }
    // the Java API our own code calls holds the same rule for whoever is signed in
    identity.setAuthentication("audrey", List.of(Roles.AUDITORS));
    assertThatThrownBy(() -> tasks.createComment(firstLine.getId(), null, "was here"))
        .isInstanceOf(AuthorizationException.class);
    identity.clearAuthentication();
    assertThat(tasks.getTaskComments(firstLine.getId())).isEmpty();

    // a password is still one's own to change
    assertThat(api.call(DESK_COLLEAGUE, HttpMethod.PUT, "/user/" + DESK_COLLEAGUE + "/credentials",
        Map.of("password", "a-longer-passphrase-2026", "authenticatedUserPassword", "demo")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(identity.checkPassword(DESK_COLLEAGUE, "a-longer-passphrase-2026")).isTrue();
    User dean = identity.createUserQuery().userId(DESK_COLLEAGUE).singleResult();
    dean.setPassword("demo");
    identity.saveUser(dean);
  }

  @Test
  void requestersAndProcessOwners_seeThemselves_othersSeeNamesWithoutEmail() throws Exception {
    for (String user : List.of("alice", "olga")) {
      ResponseEntity<String> users = api.call(user, HttpMethod.GET, "/user", null);
      assertThat(users.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(new ObjectMapper().readTree(users.getBody()).findValuesAsText("id")).as(user)
          .containsExactly(user);
      assertThat(users.getBody()).doesNotContain("bob@example.org");
    }
    // those whose work needs names still find them (the service desk opening a ticket for a caller, managers), but
    // not other people's e-mail addresses: those are the operators'
    String directory = api.call("mia", HttpMethod.GET, "/user", null).getBody();
    assertThat(new ObjectMapper().readTree(directory).findValuesAsText("id"))
        .contains("alice", "bob", "dora", DESK_COLLEAGUE);
    assertThat(new ObjectMapper().readTree(directory).findValuesAsText("email")).containsExactly("mia@example.org");
    assertThat(api.call("dora", HttpMethod.GET, "/user/bob/profile", null).getBody()).contains("Baker")
        .doesNotContain("bob@example.org");
    assertThat(api.call("admin", HttpMethod.GET, "/user", null).getBody()).contains("bob@example.org");
  }

  // --- fixtures and calls

  /** alice's sample ticket with these fields changed, opened through the intake API by the user. */
  private ResponseEntity<String> open(String user, Map<String, Object> changed) {
    return rest.withBasicAuth(user, "demo").postForEntity("/api/tickets", SampleIntake.intake(changed),
        String.class);
  }




}
