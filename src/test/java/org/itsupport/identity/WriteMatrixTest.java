package org.itsupport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.itsupport.ApplicationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Every write resource of Camunda's REST API that Tasklist and Cockpit use, tried by one user of every role on a
 * ticket of its own: allowed where the README's role matrix says so, and otherwise refused with 4xx and without
 * effect. (Deployments are tried in {@link RoleMatrixTest}, the side doors one by one in {@link HostileUserTest}.)
 */
@ApplicationTest
class WriteMatrixTest {

  static final List<String> EVERYONE = RoleMatrixTest.EVERYONE;
  static final Set<String> ADMIN = Set.of("admin");

  /** A ticket at first line, its task claimed by dora, and the ticket's SLA timer. */
  record Ticket(ProcessInstance instance, Task firstLine, Job timer) {
  }

  /** One write: who may, how it is called, and whether it took effect. */
  record Write(String name, Set<String> allowed, BiFunction<String, Ticket, ResponseEntity<String>> call,
      Predicate<Ticket> tookEffect) {
  }

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProcessEngine engine;
  EngineRest api;

  @BeforeEach
  void api() {
    api = new EngineRest(rest, engine);
  }

  @AfterEach
  void removeWhatWasCreated() {
    var identity = engine.getIdentityService();
    for (String user : EVERYONE) {
      identity.deleteUser("made" + user);
      identity.deleteGroup("made" + user);
    }
    engine.getFilterService().createFilterQuery().filterName("made by a test").list()
        .forEach(filter -> engine.getFilterService().deleteFilter(filter.getId()));
    engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.FILTER)
        .resourceId("made-by-a-test").list()
        .forEach(grant -> engine.getAuthorizationService().deleteAuthorization(grant.getId()));
  }

  @Test
  void tasks() {
    check(List.of(
        new Write("rename a task", ADMIN, (user, t) -> put(user, "/task/" + t.firstLine().getId(),
            Map.of("name", "Renamed by " + user)), t -> task(t).getName().startsWith("Renamed")),
        new Write("change a task's priority", ADMIN, (user, t) -> put(user, "/task/" + t.firstLine().getId(),
            Map.of("name", t.firstLine().getName(), "priority", 1)), t -> task(t).getPriority() == 1),
        new Write("set a task's due date", ADMIN, (user, t) -> put(user, "/task/" + t.firstLine().getId(),
            Map.of("name", t.firstLine().getName(), "due", "2031-01-01T00:00:00.000+0000")),
            t -> task(t).getDueDate() != null && task(t).getDueDate().getYear() == 131),
        new Write("add a candidate group", ADMIN, (user, t) -> post(user, "/task/" + t.firstLine().getId()
            + "/identity-links", Map.of("groupId", Roles.REQUESTERS, "type", "candidate")),
            t -> engine.getTaskService().getIdentityLinksForTask(t.firstLine().getId()).stream()
                .anyMatch(link -> Roles.REQUESTERS.equals(link.getGroupId()))),
        new Write("remove the candidate group", ADMIN, (user, t) -> post(user, "/task/" + t.firstLine().getId()
            + "/identity-links/delete", Map.of("groupId", Roles.SERVICE_DESK, "type", "candidate")),
            t -> engine.getTaskService().getIdentityLinksForTask(t.firstLine().getId()).stream()
                .noneMatch(link -> Roles.SERVICE_DESK.equals(link.getGroupId()))),
        new Write("reassign a task", Set.of("mia", "admin"), (user, t) -> post(user, "/task/"
            + t.firstLine().getId() + "/assignee", Map.of("userId", "dean")),
            t -> "dean".equals(task(t).getAssignee())),
        new Write("delegate a task", ADMIN, (user, t) -> post(user, "/task/" + t.firstLine().getId()
            + "/delegate", Map.of("userId", "dean")), t -> task(t).getDelegationState() != null),
        new Write("set a task variable", ADMIN, (user, t) -> put(user, "/task/" + t.firstLine().getId()
            + "/variables/priority", Map.of("value", "P4")),
            t -> "P4".equals(engine.getRuntimeService().getVariable(t.instance().getId(), "priority"))),
        new Write("set a task-local variable", ADMIN, (user, t) -> put(user, "/task/" + t.firstLine().getId()
            + "/localVariables/note", Map.of("value", "x")),
            t -> engine.getTaskService().getVariableLocal(t.firstLine().getId(), "note") != null),
        new Write("comment on a task", ADMIN, (user, t) -> post(user, "/task/" + t.firstLine().getId()
            + "/comment/create", Map.of("message", "by " + user)),
            t -> !engine.getTaskService().getTaskComments(t.firstLine().getId()).isEmpty()),
        new Write("attach to a task", ADMIN, (user, t) -> attach(user, t.firstLine().getId()),
            t -> !engine.getTaskService().getTaskAttachments(t.firstLine().getId()).isEmpty())));
  }

  @Test
  void jobsIncidentsAndTickets() {
    check(List.of(
        new Write("execute a job", ADMIN, (user, t) -> post(user, "/job/" + t.timer().getId() + "/execute", null),
            t -> job(t) == null || job(t).getRetries() != t.timer().getRetries()),
        new Write("set a job's retries", ADMIN, (user, t) -> put(user, "/job/" + t.timer().getId() + "/retries",
            Map.of("retries", 0)), t -> job(t).getRetries() == 0),
        new Write("re-date a job", ADMIN, (user, t) -> put(user, "/job/" + t.timer().getId() + "/duedate",
            Map.of("duedate", "2031-01-01T00:00:00.000+0000")),
            t -> !job(t).getDuedate().equals(t.timer().getDuedate())),
        new Write("suspend a job", ADMIN, (user, t) -> put(user, "/job/" + t.timer().getId() + "/suspended",
            Map.of("suspended", true)), t -> job(t).isSuspended()),
        new Write("raise an incident", ADMIN, (user, t) -> post(user, "/execution/" + t.firstLine().getExecutionId()
            + "/create-incident", Map.of("incidentType", "ticket-check", "message", "by " + user)),
            t -> engine.getRuntimeService().createIncidentQuery().processInstanceId(t.instance().getId())
                .count() > 0),
        new Write("change a ticket's variable", ADMIN, (user, t) -> put(user, "/process-instance/"
            + t.instance().getId() + "/variables/requesterId", Map.of("value", "bob")),
            t -> "bob".equals(engine.getRuntimeService().getVariable(t.instance().getId(), "requesterId"))),
        new Write("suspend a ticket", ADMIN, (user, t) -> put(user, "/process-instance/" + t.instance().getId()
            + "/suspended", Map.of("suspended", true)),
            t -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(t.instance().getId())
                .singleResult().isSuspended()),
        new Write("delete a ticket", ADMIN, (user, t) -> rest.withBasicAuth(user, "demo").exchange(
            "/engine-rest/process-instance/" + t.instance().getId(), HttpMethod.DELETE, null, String.class),
            t -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(t.instance().getId())
                .count() == 0)));
  }

  @Test
  void usersGroupsAuthorizationsAndFilters() {
    check(List.of(
        new Write("create a user", ADMIN, (user, t) -> post(user, "/user/create", Map.of("profile",
            Map.of("id", "made" + user, "firstName", "Made", "lastName", "ByTest"), "credentials",
            Map.of("password", "a-long-passphrase-2026"))),
            t -> engine.getIdentityService().createUserQuery().userIdIn(EVERYONE.stream().map(u -> "made" + u)
                .toArray(String[]::new)).count() > 0),
        new Write("change bob's profile", ADMIN, (user, t) -> put(user, "/user/bob/profile",
            Map.of("id", "bob", "firstName", "Robert", "lastName", "Baker", "email", "bob@example.org")),
            t -> "Robert".equals(engine.getIdentityService().createUserQuery().userId("bob").singleResult()
                .getFirstName())),
        new Write("create a group", ADMIN, (user, t) -> post(user, "/group/create",
            Map.of("id", "made" + user, "name", "Made by a test", "type", "WORKFLOW")),
            t -> engine.getIdentityService().createGroupQuery().groupIdIn(EVERYONE.stream().map(u -> "made" + u)
                .toArray(String[]::new)).count() > 0),
        new Write("join the admins", ADMIN, (user, t) -> put(user, "/group/camunda-admin/members/bob", null),
            t -> engine.getIdentityService().createUserQuery().userId("bob").memberOfGroup("camunda-admin")
                .count() > 0),
        new Write("grant an authorization", ADMIN, (user, t) -> post(user, "/authorization/create",
            Map.of("type", 1, "permissions", List.of("ALL"), "userId", "bob", "resourceType", 5,
                "resourceId", "made-by-a-test")),
            t -> engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.FILTER)
                .resourceId("made-by-a-test").count() > 0),
        new Write("create a filter", ADMIN, (user, t) -> post(user, "/filter/create", Map.of("resourceType", "Task",
            "name", "made by a test", "query", Map.of())),
            t -> engine.getFilterService().createFilterQuery().filterName("made by a test").count() > 0)));
    resetBob();
  }

  /** Each write by every user on a fresh ticket: 2xx and its effect where allowed, else 4xx and no effect. */
  private void check(List<Write> writes) {
    for (Write write : writes) {
      for (String user : EVERYONE) {
        Ticket ticket = ticket();
        HttpStatusCode status = write.call().apply(user, ticket).getStatusCode();
        boolean allowed = write.allowed().contains(user);
        assertThat(allowed ? status.is2xxSuccessful() : status.is4xxClientError())
            .as("%s by %s: %s", write.name(), user, status).isTrue();
        assertThat(write.tookEffect().test(ticket)).as("%s by %s took effect", write.name(), user)
            .isEqualTo(allowed);
        resetBob();
        removeWhatWasCreated();
      }
    }
  }

  private Ticket ticket() {
    ProcessInstance instance = api.ticketAtFirstLine();
    Task firstLine = api.firstLineTask(instance);
    engine.getTaskService().claim(firstLine.getId(), "dora");
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
        .list().get(0);
    return new Ticket(instance, firstLine, timer);
  }

  private void resetBob() {
    var identity = engine.getIdentityService();
    var bob = identity.createUserQuery().userId("bob").singleResult();
    if (!"Bob".equals(bob.getFirstName())) {
      bob.setFirstName("Bob");
      identity.saveUser(bob);
    }
    if (identity.createUserQuery().userId("bob").memberOfGroup("camunda-admin").count() > 0) {
      identity.deleteMembership("bob", "camunda-admin");
    }
  }

  private Task task(Ticket ticket) {
    return engine.getTaskService().createTaskQuery().taskId(ticket.firstLine().getId()).singleResult();
  }

  private Job job(Ticket ticket) {
    return engine.getManagementService().createJobQuery().jobId(ticket.timer().getId()).singleResult();
  }

  private ResponseEntity<String> post(String user, String path, Object body) {
    return api.call(user, HttpMethod.POST, path, body);
  }

  private ResponseEntity<String> put(String user, String path, Object body) {
    return api.call(user, HttpMethod.PUT, path, body);
  }

  private ResponseEntity<String> attach(String user, String taskId) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("attachment-name", "note.txt");
    form.add("attachment-type", "text/plain");
    form.add("content", new ByteArrayResource("by a test".getBytes()) {
      @Override
      public String getFilename() {
        return "note.txt";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, "demo").exchange("/engine-rest/task/" + taskId + "/attachment/create",
        HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
  }
}
