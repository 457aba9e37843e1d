package org.itsupport.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itsupport.model.ArticleProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.itsupport.ApplicationTest;
import org.itsupport.identity.EngineRest;
import org.itsupport.model.TicketProcess;
import org.itsupport.model.TicketVariables;
import org.itsupport.shared.JsonVariables;
import org.itsupport.ticket.SampleIntake;
import org.itsupport.ticket.TicketForms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * An article's life over HTTP, as the people in the role matrix may live it: proposed, refused to its author's
 * own review, sent back, revised, published, suggested and used at first line, revised again, retired.
 */
@ApplicationTest
class ArticleLifecycleTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProcessEngine engine;
  @Autowired
  Articles articles;
  EngineRest api;

  @BeforeEach
  void api() {
    api = new EngineRest(rest, engine);
  }

  @Test
  void proposed_refusedToItsAuthor_sentBack_published_suggested_used_revised_andRetired() throws Exception {
    // olga proposes from Tasklist; only staff may (alice, a requester, cannot see the process)
    Map<String, Object> draft = content("Plotter smears ink on every sheet", "The PLT-9 plotter smears wet ink",
        "Run the head cleaning from the plotter's menu");
    assertThat(api.call("alice", HttpMethod.POST, "/process-definition/key/" + KEY + "/submit-form",
        Map.of("variables", EngineRest.variables(draft))).getStatusCode().is4xxClientError()).isTrue();
    ResponseEntity<String> proposed = api.call("olga", HttpMethod.POST, "/process-definition/key/" + KEY
        + "/submit-form", Map.of("variables", EngineRest.variables(draft)));
    assertThat(proposed.getStatusCode()).as(proposed.getBody()).isEqualTo(HttpStatus.OK);
    String instance = JSON.readTree(proposed.getBody()).path("id").asText();
    String id = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).singleResult()
        .getBusinessKey();
    assertThat(articles.versions(id)).extracting(Article::state).containsExactly("in-review");

    // four eyes: olga wrote it, so she can neither claim nor review it; dora is no reviewer
    Task review = task(instance, REVIEW);
    ResponseEntity<String> ownClaim = api.call("olga", HttpMethod.POST, "/task/" + review.getId() + "/claim",
        Map.of("userId", "olga"));
    assertThat(ownClaim.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(ownClaim.getBody()).contains("olga wrote this version and so cannot review it");
    assertThat(api.call("dora", HttpMethod.POST, "/task/" + review.getId() + "/claim", Map.of("userId", "dora"))
        .getStatusCode().is4xxClientError()).isTrue();

    // mia reviews: sending back needs a reason; olga revises; mia publishes the revision
    claim("mia", review);
    assertThat(complete("mia", review, Map.of(REVIEW_DECISION, "send-back")).getBody())
        .contains("articleReviewNotes: is required");
    assertThat(complete("mia", review, Map.of(REVIEW_DECISION, "send-back", REVIEW_NOTES, "Say where the menu is"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    Task write = task(instance, WRITE);
    assertThat(write.getAssignee()).isEqualTo("olga");
    assertThat(complete("olga", write, Map.of(STEPS, "Menu > Maintenance > Clean heads, then print a test sheet"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    Task second = task(instance, REVIEW);
    claim("mia", second);
    assertThat(complete("mia", second, Map.of(REVIEW_DECISION, "publish")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(articles.versions(id)).extracting(Article::state).containsExactly("sent-back", "published");
    assertThat(articles.versions(id).get(1).reviewedBy()).isEqualTo("mia");

    // suggested to first line and used: dora solves a matching ticket with it
    ProcessInstance ticket = engine.getRuntimeService().startProcessInstanceByKey(TicketProcess.KEY,
        SampleIntake.intake(new HashMap<>(Map.of(TicketVariables.TITLE, "Plotter smears", TicketVariables.DESCRIPTION,
            "The big plotter smears ink", TicketVariables.AFFECTED_SYSTEM, "PLT-9"))));
    api.runJob(ticket, "Task_StartSlaClocks");
    Task firstLine = api.firstLineTask(ticket);
    List<ArticleSearch.Suggestion> suggestions = JsonVariables.readList((TypedValue) engine.getTaskService()
        .getVariableTyped(firstLine.getId(), TicketVariables.KNOWLEDGE_SUGGESTIONS, false),
        TicketVariables.KNOWLEDGE_SUGGESTIONS, ArticleSearch.Suggestion.class);
    assertThat(suggestions.get(0).articleId()).isEqualTo(id);
    claim("dora", firstLine);
    assertThat(complete("dora", firstLine, Map.of(TicketVariables.FIRST_LINE_NOTES, "Head cleaning",
        TicketVariables.FIRST_LINE_OUTCOME, "solved", TicketVariables.SOLVED_WITH_ARTICLE, id)).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(articles.published(id).orElseThrow().solvedTickets()).isEqualTo(1);

    // hank revises the published article; the published version stays until olga publishes the revision
    Map<String, Object> revision = new HashMap<>(content("Plotter smears ink on every sheet",
        "The PLT-9 plotter smears wet ink", "Menu > Maintenance > Clean heads; if it persists, replace the cartridge"));
    revision.put(ARTICLE_ID, id);
    String revising = JSON.readTree(api.call("hank", HttpMethod.POST, "/process-definition/key/" + KEY
        + "/submit-form", Map.of("variables", EngineRest.variables(revision))).getBody()).path("id").asText();
    assertThat(articles.published(id).orElseThrow().version()).isEqualTo(2);
    Task third = task(revising, REVIEW);
    claim("olga", third);
    assertThat(complete("olga", third, Map.of(REVIEW_DECISION, "publish")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(articles.versions(id)).extracting(Article::state)
        .containsExactly("sent-back", "superseded", "published");
    JsonNode read = JSON.readTree(knowledge("dora", HttpMethod.GET, "/" + id).getBody());
    assertThat(read.path("versions")).hasSize(3);

    // retired: only process owners and service managers; first line no longer finds it
    assertThat(knowledge("alice", HttpMethod.GET, "?text=plotter").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(knowledge("dora", HttpMethod.GET, "?text=plotter+smears").getBody()).contains(id);
    assertThat(knowledge("dora", HttpMethod.POST, "/" + id + "/retire").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(knowledge("olga", HttpMethod.POST, "/" + id + "/retire").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(knowledge("dora", HttpMethod.GET, "?text=plotter+smears").getBody()).doesNotContain(id);
    assertThat(knowledge("olga", HttpMethod.POST, "/KB-99999/retire").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aSpecialistsFix_proposesAnArticle_prefilledFromTheTicket_forTheSpecialistToWriteUp() {
    ProcessInstance ticket = engine.getRuntimeService().startProcessInstanceByKey(TicketProcess.KEY,
        SampleIntake.intake(new HashMap<>(Map.of(TicketVariables.TITLE, "Scanner SCN-4 feeds two sheets at once",
            TicketVariables.DESCRIPTION, "The scanner pulls several pages together", TicketVariables.AFFECTED_SYSTEM,
            "SCN-4"))));
    api.runJob(ticket, "Task_StartSlaClocks");
    work(ticket, TicketProcess.DIAGNOSE_AT_FIRST_LINE, "dora", TicketForms.escalation());
    work(ticket, TicketProcess.REVIEW_AND_DIAGNOSE, "hank", TicketForms.plan("P3", "routine-fix", false));
    Task execute = openTask(ticket, TicketProcess.EXECUTE_CHANGE);
    claim("hank", execute);
    Map<String, Object> fix = new HashMap<>(TicketForms.fix());
    fix.put(TicketVariables.PROPOSE_ARTICLE, true);
    assertThat(complete("hank", execute, fix).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    Task write = engine.getTaskService().createTaskQuery().processDefinitionKey(KEY).taskDefinitionKey(WRITE)
        .processVariableValueEquals(SOURCE_TICKET, ticket.getBusinessKey()).singleResult();
    assertThat(write.getAssignee()).isEqualTo("hank");
    Map<String, Object> prefilled = engine.getTaskService().getVariables(write.getId());
    assertThat(prefilled).containsEntry(TITLE, "Scanner SCN-4 feeds two sheets at once")
        .containsEntry(AFFECTED_SYSTEM, "SCN-4").containsEntry(SERVICE_TYPE, "hardware")
        .containsEntry(SYMPTOMS, "The scanner pulls several pages together")
        .containsEntry(STEPS, fix.get(TicketVariables.EXECUTION_STEPS));
    assertThat(complete("hank", write, Map.of(STEPS, "Clean the feed rollers with the cloth from the kit"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    String article = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(write.getProcessInstanceId()).singleResult().getBusinessKey();
    assertThat(articles.versions(article)).singleElement().satisfies(version -> {
      assertThat(version.state()).isEqualTo("in-review");
      assertThat(version.author()).isEqualTo("hank");
      assertThat(version.sourceTicket()).isEqualTo(ticket.getBusinessKey());
    });
  }

  private static Map<String, Object> content(String title, String symptoms, String steps) {
    return Map.of(TITLE, title, SERVICE_TYPE, "hardware", AFFECTED_SYSTEM, "PLT-9", SYMPTOMS, symptoms, STEPS, steps);
  }

  private Task task(String processInstanceId, String step) {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(step)
        .singleResult();
  }

  private Task openTask(ProcessInstance ticket, String step) {
    return task(ticket.getId(), step);
  }

  private void work(ProcessInstance ticket, String step, String agent, Map<String, Object> answers) {
    Task task = openTask(ticket, step);
    engine.getTaskService().claim(task.getId(), agent);
    engine.getTaskService().complete(task.getId(), answers);
    engine.getManagementService().createJobQuery().processInstanceId(ticket.getId()).messages().list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
  }

  private void claim(String user, Task task) {
    ResponseEntity<String> claimed = api.call(user, HttpMethod.POST, "/task/" + task.getId() + "/claim",
        Map.of("userId", user));
    assertThat(claimed.getStatusCode()).as(claimed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private ResponseEntity<String> complete(String user, Task task, Map<String, Object> variables) {
    return api.call(user, HttpMethod.POST, "/task/" + task.getId() + "/complete",
        Map.of("variables", EngineRest.variables(variables)));
  }

  private ResponseEntity<String> knowledge(String user, HttpMethod method, String path) {
    return rest.withBasicAuth(user, "demo").exchange("/api/knowledge/articles" + path, method, null, String.class);
  }
}
