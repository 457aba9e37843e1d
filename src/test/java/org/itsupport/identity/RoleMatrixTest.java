package org.itsupport.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itsupport.model.TicketVariables.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.itsupport.ApplicationTest;
import org.itsupport.ticket.SampleIntake;
import org.itsupport.model.ArticleProcess;
import org.itsupport.model.TicketProcess;
import org.itsupport.model.ServiceReviewProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The README's role matrix, cell by cell, allowed and denied, through Camunda's REST API with HTTP Basic:
 * what each role's user may do with a ticket, its tasks, its history, the decision tables and the webapps.
 */
@ApplicationTest
class RoleMatrixTest {

  /** One user per role. */
  static final String REQUESTER = "alice";
  static final String DESK = "dora";
  static final String SPECIALIST = "hank";
  static final String SECURITY = "sean";
  static final String APPROVER = "carl";
  static final String MANAGER = "mia";
  static final String OWNER = "olga";
  static final String AUDITOR = "audrey";
  static final String ADMIN = "admin";
  static final List<String> EVERYONE =
      List.of(REQUESTER, DESK, SPECIALIST, SECURITY, APPROVER, MANAGER, OWNER, AUDITOR, ADMIN);

  static final ObjectMapper JSON = new ObjectMapper();

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
  RepositoryService repository;

  final List<String> deployments = new ArrayList<>();

  @BeforeEach
  void api() {
    api = new EngineRest(rest, engine);
  }

  @Test
  void startATicket_requestersAndTheServiceDesk() {
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(TicketProcess.KEY)
        .latestVersion().singleResult().getId();
    expect(user -> api.call(user, HttpMethod.POST, "/process-definition/" + definitionId + "/submit-form",
            Map.of("variables", EngineRest.variables(intakeWithoutRequester()))),
        Map.of(REQUESTER, HttpStatus.OK, DESK, HttpStatus.OK, ADMIN, HttpStatus.OK),
        HttpStatus.FORBIDDEN);
  }

  @Test
  void startTheMonthlyServiceReview_managersAndTheAdmin() {
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(ServiceReviewProcess.KEY)
        .latestVersion().singleResult().getId();
    YearMonth[] month = {YearMonth.of(2023, 1)}; // a month of its own for each start: a month is reviewed once
    expect(user -> api.call(user, HttpMethod.POST, "/process-definition/" + definitionId + "/submit-form",
            Map.of("variables", EngineRest.variables(Map.of(ServiceReviewProcess.REVIEW_MONTH,
                (month[0] = month[0].plusMonths(1)).toString())))),
        Map.of(MANAGER, HttpStatus.OK, ADMIN, HttpStatus.OK), HttpStatus.FORBIDDEN);
    runtime.createProcessInstanceQuery().processDefinitionKey(ServiceReviewProcess.KEY)
        .processInstanceBusinessKeyLike("2023-%").list()
        .forEach(review -> runtime.deleteProcessInstance(review.getId(), "test over"));
  }

  @Test
  void theKnowledgeBase_staffRead_agentsAndOwnersWrite_ownersAndManagersRetire() {
    Map<String, HttpStatus> staff = new HashMap<>();
    EVERYONE.stream().filter(user -> !user.equals(REQUESTER)).forEach(user -> staff.put(user, HttpStatus.OK));
    expect(user -> rest.withBasicAuth(user, "demo").exchange("/api/knowledge/articles?text=printer", HttpMethod.GET,
        null, String.class), staff, HttpStatus.FORBIDDEN);

    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(ArticleProcess.KEY)
        .latestVersion().singleResult().getId();
    Map<String, HttpStatus> authors = new HashMap<>(staff);
    authors.remove(AUDITOR);
    for (String user : EVERYONE) {
      ResponseEntity<String> proposed = api.call(user, HttpMethod.POST, "/process-definition/" + definitionId
          + "/submit-form", Map.of("variables", EngineRest.variables(Map.of(ArticleProcess.TITLE, "Matrix " + user,
              ArticleProcess.SERVICE_TYPE, "other", ArticleProcess.SYMPTOMS, "Something", ArticleProcess.STEPS,
              "Do this"))));
      assertThat(proposed.getStatusCode().is2xxSuccessful()).as("%s proposes: %s", user, proposed.getBody())
          .isEqualTo(authors.containsKey(user));
    }
    String article = runtime.createProcessInstanceQuery().processDefinitionKey(ArticleProcess.KEY).list().get(0)
        .getBusinessKey();
    expect(user -> rest.withBasicAuth(user, "demo").exchange("/api/knowledge/articles/" + article + "/retire",
            HttpMethod.POST, null, String.class),
        Map.of(OWNER, HttpStatus.NO_CONTENT, MANAGER, HttpStatus.NO_CONTENT, ADMIN, HttpStatus.NO_CONTENT),
        HttpStatus.FORBIDDEN);
    runtime.createProcessInstanceQuery().processDefinitionKey(ArticleProcess.KEY).list()
        .forEach(proposal -> runtime.deleteProcessInstance(proposal.getId(), "test over"));
  }

  @Test
  void seeAnotherGroupsTask_managersAuditorsAndTheAdmin() {
    ProcessInstance ticket = api.ticketAtFirstLine();
    expectCounts(user -> api.call(user, HttpMethod.GET,
            "/task?processInstanceBusinessKey=" + ticket.getBusinessKey(), null),
        Map.of(DESK, 1, MANAGER, 1, AUDITOR, 1, ADMIN, 1), 0);
  }

  @Test
  void claimAFirstLineTask_theServiceDesk() {
    for (String user : EVERYONE) {
      Task firstLine = api.firstLineTask(api.ticketAtFirstLine());
      HttpStatusCode status = api.call(user, HttpMethod.POST, "/task/" + firstLine.getId() + "/claim",
          Map.of("userId", user)).getStatusCode();
      boolean allowed = List.of(DESK, ADMIN).contains(user);
      assertThat(status).as("%s claims", user).isEqualTo(allowed ? HttpStatus.NO_CONTENT : HttpStatus.FORBIDDEN);
    }
  }

  @Test
  void reassignATask_managersAndTheAdmin() {
    for (String user : EVERYONE) {
      Task firstLine = api.firstLineTask(api.ticketAtFirstLine());
      tasks.claim(firstLine.getId(), DESK);
      HttpStatusCode status = api.call(user, HttpMethod.POST, "/task/" + firstLine.getId() + "/assignee",
          Map.of("userId", "dean")).getStatusCode();
      boolean allowed = List.of(MANAGER, ADMIN).contains(user);
      assertThat(status).as("%s reassigns", user).isEqualTo(allowed ? HttpStatus.NO_CONTENT : HttpStatus.FORBIDDEN);
    }
  }

  @Test
  void completeATask_onlyItsAssigneeOrGroup() {
    // the requester's own verification task: alice may complete it, the service desk may not even see it
    ProcessInstance ticket = api.ticketAtFirstLine();
    Task firstLine = api.firstLineTask(ticket);
    tasks.claim(firstLine.getId(), DESK);
    tasks.complete(firstLine.getId(), Map.of(FIRST_LINE_NOTES, "Reset", FIRST_LINE_OUTCOME, "solved", RESOLUTION,
        "Password reset"));
    Task verify = tasks.createTaskQuery().processInstanceId(ticket.getId()).singleResult();
    Map<String, Object> confirmed = Map.of("variables", Map.of(VERIFICATION_RESULT, Map.of("value", "confirmed")));

    assertThat(api.call(DESK, HttpMethod.POST, "/task/" + verify.getId() + "/submit-form", confirmed).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.call("bob", HttpMethod.GET, "/task?processInstanceBusinessKey=" + ticket.getBusinessKey(), null)
        .getBody()).isEqualTo("[]");
    assertThat(api.call(REQUESTER, HttpMethod.POST, "/task/" + verify.getId() + "/submit-form", confirmed)
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  void readTicketsAndTheirVariables_managersAuditorsAndTheAdmin() {
    ProcessInstance ticket = api.ticketAtFirstLine();
    expectCounts(user -> api.call(user, HttpMethod.GET,
            "/process-instance?businessKey=" + ticket.getBusinessKey(), null),
        Map.of(MANAGER, 1, AUDITOR, 1, ADMIN, 1), 0);
    expect(user -> api.call(user, HttpMethod.GET, "/process-instance/" + ticket.getId() + "/variables", null),
        Map.of(MANAGER, HttpStatus.OK, AUDITOR, HttpStatus.OK, ADMIN, HttpStatus.OK), HttpStatus.FORBIDDEN);
  }

  @Test
  void readHistory_managersAuditorsAndTheAdmin() {
    ProcessInstance ticket = api.ticketAtFirstLine();
    expectCounts(user -> api.call(user, HttpMethod.GET,
            "/history/process-instance?processInstanceBusinessKey=" + ticket.getBusinessKey(), null),
        Map.of(MANAGER, 1, AUDITOR, 1, ADMIN, 1), 0);
    expectCounts(user -> api.call(user, HttpMethod.GET, "/history/variable-instance?processInstanceId=" + ticket.getId()
            + "&variableName=title", null),
        Map.of(MANAGER, 1, AUDITOR, 1, ADMIN, 1), 0);
  }

  @Test
  void readDecisionTables_ownersManagersAuditorsAndTheAdmin() {
    expectCounts(user -> api.call(user, HttpMethod.GET,
            "/decision-definition?key=ticket-priority&latestVersion=true", null),
        Map.of(OWNER, 1, MANAGER, 1, AUDITOR, 1, ADMIN, 1), 0);
    // how the tables decided is for their owners, managers and auditors
    api.ticketAtFirstLine();
    expectCounts(user -> api.call(user, HttpMethod.GET,
            "/history/decision-instance?decisionDefinitionKey=ticket-priority&maxResults=1", null),
        Map.of(OWNER, 1, MANAGER, 1, AUDITOR, 1, ADMIN, 1), 0);
  }

  @Test
  void deployADecisionTable_processOwnersAndTheAdmin() throws IOException {
    String routing = Files.readString(Path.of("decisions", "ticket-routing.dmn"));
    for (String user : EVERYONE) {
      ResponseEntity<String> response = deploy(user, "ticket-routing.dmn", routing);
      boolean allowed = List.of(OWNER, ADMIN).contains(user);
      assertThat(response.getStatusCode()).as("%s deploys a table", user)
          .isEqualTo(allowed ? HttpStatus.OK : HttpStatus.FORBIDDEN);
    }
  }

  @Test
  void deployAProcess_onlyTheAdmin() {
    ResponseEntity<String> byOwner = deploy(OWNER, "role-matrix-check.bpmn", BPMN);
    assertThat(byOwner.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(byOwner.getBody()).contains("may deploy decision tables (.dmn) and their test sheets (.csv) only, "
        + "not role-matrix-check.bpmn");
    for (String user : List.of(REQUESTER, DESK, MANAGER, AUDITOR)) {
      assertThat(deploy(user, "role-matrix-check.bpmn", BPMN).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(deploy(ADMIN, "role-matrix-check.bpmn", BPMN).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void changeOrDeleteATicket_onlyTheAdmin() {
    for (String user : EVERYONE) {
      ProcessInstance ticket = api.ticketAtFirstLine();
      HttpStatusCode change = api.call(user, HttpMethod.PUT, "/process-instance/" + ticket.getId() + "/variables/priority",
          Map.of("value", "P1", "type", "String")).getStatusCode();
      HttpStatusCode delete = api.call(user, HttpMethod.DELETE, "/process-instance/" + ticket.getId(), null)
          .getStatusCode();
      boolean admin = ADMIN.equals(user);
      assertThat(change).as("%s changes a variable", user).isEqualTo(admin ? HttpStatus.NO_CONTENT : HttpStatus.FORBIDDEN);
      assertThat(delete).as("%s deletes a ticket", user).isEqualTo(admin ? HttpStatus.NO_CONTENT : HttpStatus.FORBIDDEN);
    }
  }

  @Test
  void useTheWebapps_tasklistForAll_cockpitForManagersOwnersAuditors_adminForTheAdmin() {
    for (String user : EVERYONE) {
      assertThat(mayAccess(user, "tasklist")).as("%s Tasklist", user).isTrue();
      assertThat(mayAccess(user, "cockpit")).as("%s Cockpit", user)
          .isEqualTo(List.of(MANAGER, OWNER, AUDITOR, ADMIN).contains(user));
      assertThat(mayAccess(user, "admin")).as("%s Admin", user).isEqualTo(ADMIN.equals(user));
    }
  }

  @Test
  void approveOwnPlan_refusedWithAClearMessage() {
    ProcessInstance ticket = api.ticketAtFirstLine();
    runtime.setVariable(ticket.getId(), SERVICE_TYPE, "network");
    Task firstLine = api.firstLineTask(ticket);
    tasks.claim(firstLine.getId(), DESK);
    tasks.complete(firstLine.getId(), Map.of(FIRST_LINE_NOTES, "VPN", FIRST_LINE_OUTCOME, "escalate"));
    api.runJob(ticket, "Task_DetermineSpecialistGroup");
    Task review = tasks.createTaskQuery().processInstanceId(ticket.getId()).taskDefinitionKey(TicketProcess.REVIEW_AND_DIAGNOSE)
        .singleResult();
    tasks.claim(review.getId(), "nick"); // network specialist and change approver
    tasks.complete(review.getId(), Map.of(REVIEW_OUTCOME, "plan", PRIORITY, "P3", ROOT_CAUSE, "Routing table",
        PLAN_STEPS, "Change the core router", CHANGE_TYPE, "core-configuration-change", BACKUP_AVAILABLE, true));
    api.runJob(ticket, "Task_AssessChangeRisk");
    Task approval = tasks.createTaskQuery().processInstanceId(ticket.getId())
        .taskDefinitionKey(TicketProcess.APPROVE_CHANGE).singleResult();

    ResponseEntity<String> byAuthor = api.call("nick", HttpMethod.POST, "/task/" + approval.getId() + "/claim",
        Map.of("userId", "nick"));
    assertThat(byAuthor.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(byAuthor.getBody()).contains("nick wrote this plan and so cannot approve it")
        .doesNotContain("ENGINE-").doesNotContain("TaskListener");
    assertThat(api.call(APPROVER, HttpMethod.POST, "/task/" + approval.getId() + "/claim", Map.of("userId", APPROVER))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  // --- fixtures and calls




  private static Map<String, Object> intakeWithoutRequester() {
    Map<String, Object> intake = new HashMap<>(SampleIntake.intake());
    intake.remove(REQUESTER_ID);
    return intake;
  }



  private boolean mayAccess(String user, String application) {
    ResponseEntity<String> check = api.call(user, HttpMethod.GET, "/authorization/check?permissionName=ACCESS"
        + "&resourceName=application&resourceType=0&resourceId=" + application, null);
    assertThat(check.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode result = json(check.getBody());
    assertThat(result.has("authorized")).as(check.getBody()).isTrue();
    return result.get("authorized").asBoolean();
  }

  private static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(body, e);
    }
  }

  private ResponseEntity<String> deploy(String user, String fileName, String content) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", "role matrix check by " + user);
    form.add("data", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<String> response = rest.withBasicAuth(user, "demo").exchange("/engine-rest/deployment/create",
        HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    if (response.getStatusCode().is2xxSuccessful()) {
      deployments.add(json(response.getBody()).get("id").asText());
    }
    return response;
  }

  /** What the tests deployed goes again, so that the other tests see the repository's tables. */
  @AfterEach
  void deleteTheTestsDeployments() {
    deployments.forEach(id -> repository.deleteDeployment(id, true));
    deployments.clear();
  }

  /** Each user's status: the listed ones get theirs, everyone else {@code otherwise}. */
  private void expect(Function<String, ResponseEntity<String>> request, Map<String, HttpStatus> allowed,
      HttpStatus otherwise) {
    for (String user : EVERYONE) {
      assertThat(request.apply(user).getStatusCode()).as(user).isEqualTo(allowed.getOrDefault(user, otherwise));
    }
  }

  /** Each user sees this many items in a list response: the listed ones theirs, everyone else {@code otherwise}. */
  private void expectCounts(Function<String, ResponseEntity<String>> request, Map<String, Integer> counts,
      int otherwise) {
    for (String user : EVERYONE) {
      ResponseEntity<String> response = request.apply(user);
      assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
      int items = json(response.getBody()).size();
      assertThat(items).as("%s sees", user).isEqualTo(counts.getOrDefault(user, otherwise));
    }
  }

  static final String BPMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
          id="Definitions_RoleMatrixCheck" targetNamespace="http://itsupport.org/bpmn">
        <process id="role-matrix-check" isExecutable="true" camunda:historyTimeToLive="1">
          <startEvent id="StartEvent_Check" />
        </process>
      </definitions>
      """;
}
