package org.itsupport.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itsupport.model.TicketVariables.PRIORITY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessApplicationDeployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.spring.boot.starter.SpringBootProcessApplication;
import org.itsupport.ApplicationTest;
import org.itsupport.shared.JsonVariables;
import org.itsupport.ticket.SampleIntake;
import org.itsupport.model.TicketProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A process owner changes a decision table the way Camunda Modeler deploys it: the same multipart request
 * to /engine-rest/deployment/create with the owner's credentials. Every deployment a test makes is deleted
 * afterwards, so the other tests see the repository's tables.
 */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class ModelerDeploymentTest {

  static final ObjectMapper JSON = new ObjectMapper();
  /** The sample ticket (one user, seriously impaired) is P3; the changed table makes it P2. */
  static final String SINGLE_USER_HIGH_P3 = "<outputEntry id=\"OutputEntry_SingleUserHigh_Priority\">\n          <text>\"P3\"</text>";

  @Autowired
  TestRestTemplate rest;
  @Autowired
  RepositoryService repository;
  @Autowired
  RuntimeService runtime;
  @Autowired
  HistoryService history;
  @Autowired
  ManagementService management;
  @Autowired
  SpringBootProcessApplication processApplication;
  @Autowired
  LiveDecisionVersions liveDecisionVersions;

  final List<String> deployments = new ArrayList<>();

  @AfterEach
  void deleteTheTestsDeployments() {
    deployments.forEach(id -> repository.deleteDeployment(id, true));
  }

  @Test
  void aProcessOwnerChangesThePriorityTableAndTheNextTicketUsesIt() throws IOException {
    assertThat(priorityOf(startTicket())).isEqualTo("P3");

    ResponseEntity<String> deployed = deployLikeModeler("olga", Map.of("ticket-priority.dmn", changedPriorityTable()));

    assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
    DecisionDefinition live = latest("ticket-priority");
    assertThat(live.getDeploymentId()).isEqualTo(JSON.readTree(deployed.getBody()).get("id").asText());
    ProcessInstance ticket = startTicket();
    assertThat(priorityOf(ticket)).isEqualTo("P2");
    // decision history says which table and version answered
    assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(ticket.getId())
        .decisionDefinitionKey("ticket-priority").list())
        .extracting(HistoricDecisionInstance::getDecisionDefinitionId).containsExactly(live.getId());
  }

  @Test
  void anAgentMayNotDeployATable() throws IOException {
    ResponseEntity<String> refused = deployLikeModeler("dora", Map.of("ticket-priority.dmn", changedPriorityTable()));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aBrokenTableIsRefusedWithItsReasonAndNothingChanges() throws IOException {
    int before = latest("ticket-priority").getVersion();
    String gap = table("ticket-priority").replace("<text>\"single-user\"</text>", "<text>\"one-user\"</text>");

    ResponseEntity<String> refused = deployLikeModeler("olga", Map.of("ticket-priority.dmn", gap));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("Decision table refused, nothing was deployed")
        .contains("no rule for impact=single-user, urgency=critical");
    assertThat(latest("ticket-priority").getVersion()).isEqualTo(before);
  }

  @Test
  void aTableIsCheckedAgainstTheSheetDeployedWithIt() throws IOException {
    String sheet = Files.readString(Path.of("decisions", "tests", "ticket-priority.csv"));

    ResponseEntity<String> refused = deployLikeCurl("olga",
        Map.of("ticket-priority.dmn", changedPriorityTable(), "ticket-priority.csv", sheet));
    ResponseEntity<String> accepted = deployLikeCurl("olga", Map.of("ticket-priority.dmn", changedPriorityTable(),
        "ticket-priority.csv", sheet.replace("single-user,high,P3", "single-user,high,P2")));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("test sheet row 11: impact=single-user, urgency=high → expected "
        + "priority=P3, got priority=P2");
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(repository.getDeploymentResourceNames(JSON.readTree(accepted.getBody()).get("id").asText()))
        .containsExactlyInAnyOrder("ticket-priority.dmn", "ticket-priority.csv");
  }

  @Test
  void aProcessOwnerRollsBackByRedeployingThePreviousVersion(CapturedOutput output) throws IOException {
    DecisionDefinition original = latest("ticket-priority");
    assertThat(deployLikeModeler("olga", Map.of("ticket-priority.dmn", changedPriorityTable())).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(priorityOf(startTicket())).isEqualTo("P2");

    // as the README shows: redeploy the earlier version's resource from its deployment
    ResponseEntity<String> rolledBack = rest.withBasicAuth("olga", "demo").exchange(
        "/engine-rest/deployment/" + original.getDeploymentId() + "/redeploy", HttpMethod.POST,
        new HttpEntity<>(Map.of("resourceNames", List.of(original.getResourceName()))), String.class);

    assertThat(rolledBack.getStatusCode()).isEqualTo(HttpStatus.OK);
    deployments.add(JSON.readTree(rolledBack.getBody()).get("id").asText());
    assertThat(latest("ticket-priority").getVersion()).isGreaterThan(original.getVersion() + 1);
    assertThat(priorityOf(startTicket())).isEqualTo("P3");
    liveDecisionVersions.report();
    assertThat(output).as("the live table is the application's copy again").doesNotContain("Decision table '");
  }

  @Test
  void aRestartKeepsTheProcessOwnersNewerTableAndSaysSo(CapturedOutput output) throws IOException {
    assertThat(deployLikeModeler("olga", Map.of("ticket-priority.dmn", changedPriorityTable())).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    DecisionDefinition owners = latest("ticket-priority");

    // what a restart does: the process application deploys its resources again, changed ones only
    processApplication.undeploy();
    processApplication.deploy();

    assertThat(latest("ticket-priority").getId()).isEqualTo(owners.getId());
    assertThat(priorityOf(startTicket())).isEqualTo("P2");
    assertThat(output).contains("Decision table 'ticket-priority': version " + owners.getVersion()
        + ", deployed on").contains("as 'ticket-priority', stays live and differs from the application's copy "
        + "decisions/ticket-priority.dmn");
  }

  @Test
  void aReleaseThatChangesTheTableReplacesTheOwnersVersionAndSaysSo(CapturedOutput output) throws IOException {
    assertThat(deployLikeModeler("olga", Map.of("ticket-priority.dmn", changedPriorityTable())).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    DecisionDefinition owners = latest("ticket-priority");

    // what the next start of a release with a changed decisions/ticket-priority.dmn deploys
    String release = table("ticket-priority").replace("Ticket priority", "Ticket priority (release 2)");
    deployments.add(repository.createDeployment().name(LiveDecisionVersions.APPLICATION_DEPLOYMENT)
        .source(ProcessApplicationDeployment.PROCESS_APPLICATION_DEPLOYMENT_SOURCE).addString("decisions/ticket-priority.dmn", release).deploy().getId());
    liveDecisionVersions.report();

    assertThat(latest("ticket-priority").getVersion()).isEqualTo(owners.getVersion() + 1);
    assertThat(output).contains("Decision table 'ticket-priority': the application's own version "
        + (owners.getVersion() + 1)).contains("replaced version " + owners.getVersion() + " that was deployed as "
        + "'ticket-priority'").contains("Check that decisions/ticket-priority.dmn contains those changes.");
  }

  @Test
  void aDryRunSaysWhatTheGuardWouldSayAndDeploysNothing() throws IOException {
    int before = latest("ticket-priority").getVersion();
    String sheet = Files.readString(Path.of("decisions", "tests", "ticket-priority.csv"));

    JsonNode refused = JSON.readTree(check("olga", Map.of("ticket-priority.dmn", changedPriorityTable(),
        "ticket-priority.csv", sheet)).getBody());
    JsonNode accepted = JSON.readTree(check("olga", Map.of("ticket-priority.dmn", changedPriorityTable(),
        "ticket-priority.csv", sheet.replace("single-user,high,P3", "single-user,high,P2"))).getBody());

    assertThat(refused.get("wouldDeploy").asBoolean()).isFalse();
    assertThat(refused.get("problems").toString())
        .contains("test sheet row ").contains("impact=single-user, urgency=high → expected priority=P3, got priority=P2");
    assertThat(accepted.get("wouldDeploy").asBoolean()).isTrue();
    assertThat(accepted.get("problems")).isEmpty();
    assertThat(latest("ticket-priority").getVersion()).isEqualTo(before);
  }

  @Test
  void aSheetThatMatchesNoTableIsReportedRatherThanIgnored() throws IOException {
    JsonNode result = JSON.readTree(check("olga", Map.of("ticket-priority.dmn", table("ticket-priority"),
        "ticket-priorty.csv", "impact,urgency,priority\n")).getBody());

    assertThat(result.get("problems").toString()).contains("ticket-priorty.csv checks nothing: no decision "
        + "'ticket-priorty' comes with it");
  }

  @Test
  void onlyProcessOwnersUseTheDryRun() throws IOException {
    assertThat(check("dora", Map.of("ticket-priority.dmn", table("ticket-priority"))).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(check("olga", Map.of("ticket-priority.csv", "impact\n")).getBody())
        .contains("No .dmn file in the request");
  }

  // --- helpers

  private ResponseEntity<String> check(String user, Map<String, String> files) {
    return post(user, "/api/decisions/check", new LinkedMultiValueMap<>(), files, false);
  }

  private ResponseEntity<String> deployLikeModeler(String user, Map<String, String> files) {
    return deploy(user, files, true);
  }

  /** As the README's curl command deploys a table with its sheet. */
  private ResponseEntity<String> deployLikeCurl(String user, Map<String, String> files) {
    return deploy(user, files, false);
  }

  private ResponseEntity<String> deploy(String user, Map<String, String> files, boolean likeModeler) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", "ticket-priority");
    form.add("deployment-source", likeModeler ? "Camunda Modeler" : "process-owner");
    if (likeModeler) {
      form.add("enable-duplicate-filtering", "true");
    }
    ResponseEntity<String> response = post(user, "/engine-rest/deployment/create", form, files, likeModeler);
    if (response.getStatusCode().is2xxSuccessful()) {
      try {
        deployments.add(JSON.readTree(response.getBody()).get("id").asText());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return response;
  }

  /**
   * Modeler names each part after its file; the README's curl commands name them "table" and "sheet". Either
   * way the file name is what counts.
   */
  private ResponseEntity<String> post(String user, String path, MultiValueMap<String, Object> form,
      Map<String, String> files, boolean partsNamedAfterFiles) {
    files.forEach((name, content) -> form.add(partsNamedAfterFiles ? name : name.endsWith(".dmn") ? "table" : "sheet",
        new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return name;
      }
    }));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(form, headers),
        String.class);
  }

  private static String changedPriorityTable() throws IOException {
    String table = table("ticket-priority");
    assertThat(table).contains(SINGLE_USER_HIGH_P3);
    return table.replace(SINGLE_USER_HIGH_P3, SINGLE_USER_HIGH_P3.replace("\"P3\"", "\"P2\""));
  }

  private static String table(String decisionId) throws IOException {
    return Files.readString(Path.of("decisions", decisionId + ".dmn"));
  }

  private DecisionDefinition latest(String key) {
    return repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
  }

  private ProcessInstance startTicket() {
    ProcessInstance ticket = runtime.startProcessInstanceByKey(TicketProcess.KEY, SampleIntake.intake());
    management.executeJob(management.createJobQuery().processInstanceId(ticket.getId())
        .activityId("Task_StartSlaClocks").singleResult().getId());
    return ticket;
  }

  private String priorityOf(ProcessInstance ticket) {
    return (String) runtime.getVariable(ticket.getId(), PRIORITY);
  }
}
