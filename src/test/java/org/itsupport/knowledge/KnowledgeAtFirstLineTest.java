package org.itsupport.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.itsupport.model.TicketVariables.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.itsupport.ApplicationTest;
import org.itsupport.identity.Roles;
import org.itsupport.model.TicketProcess;
import org.itsupport.notification.Notice;
import org.itsupport.notification.NoticeOutbox;
import org.itsupport.shared.JsonVariables;
import org.itsupport.ticket.InvalidInputException;
import org.itsupport.ticket.SampleIntake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The knowledge base at first line, as dora works the task: the best articles on *Diagnose at first line*, and
 * "solved with article" recording the article and its version on the ticket, counting it on the article and
 * sending its steps to the requester as the fix.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnowledgeAtFirstLineTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  Articles articles;
  @Autowired
  NoticeOutbox outbox;

  Map<String, String> published;

  @BeforeAll
  void theFixturesArticles() {
    published = KnowledgeFixture.publish(articles);
  }

  @AfterEach
  void signOut() {
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void theTaskShowsTheBestArticles_andSolvedWithOne_theTicketRecordsIt_andTheRequesterGetsItsSteps() {
    ProcessInstance ticket = printerJam();
    Task task = firstLine(ticket);
    List<ArticleSearch.Suggestion> suggestions = JsonVariables.readList(
        (TypedValue) engine.getTaskService().getVariableTyped(task.getId(), KNOWLEDGE_SUGGESTIONS, false),
        KNOWLEDGE_SUGGESTIONS, ArticleSearch.Suggestion.class);
    String jam = published.get("printer-jam");
    assertThat(suggestions).isNotEmpty().hasSizeLessThanOrEqualTo(5);
    assertThat(suggestions.get(0).articleId()).isEqualTo(jam);
    assertThat(suggestions.get(0).steps()).startsWith("Open the front door");

    int solvedBefore = articles.published(jam).orElseThrow().solvedTickets();
    asDora();
    engine.getTaskService().claim(task.getId(), "dora");
    engine.getTaskService().complete(task.getId(), Map.of(FIRST_LINE_NOTES, "Tray 2 jam, as in the article",
        FIRST_LINE_OUTCOME, "solved", SOLVED_WITH_ARTICLE, jam));
    engine.getIdentityService().clearAuthentication();

    Map<String, Object> variables = engine.getRuntimeService().getVariables(ticket.getId());
    assertThat(variables).containsEntry(SOLVED_WITH_ARTICLE, jam).containsEntry(SOLVED_WITH_ARTICLE_VERSION, 1)
        .containsEntry(RESOLUTION, articles.published(jam).orElseThrow().steps());
    assertThat(articles.published(jam).orElseThrow().solvedTickets()).isEqualTo(solvedBefore + 1);
    String number = (String) variables.get(TICKET_NUMBER);
    assertThat(outbox.ofTicket(number)).filteredOn(notice -> "verify".equals(notice.kind())).extracting(Notice::body)
        .singleElement().asString().contains("Open the front door, pull out tray 2");
  }

  @Test
  void anArticleThatIsNotPublished_isRefused_namingTheField_andTheTaskStaysOpen() {
    Task task = firstLine(printerJam());
    asDora();
    engine.getTaskService().claim(task.getId(), "dora");
    Map<String, Object> answers = new HashMap<>(Map.of(FIRST_LINE_NOTES, "Tried", FIRST_LINE_OUTCOME, "solved",
        SOLVED_WITH_ARTICLE, "KB-99999"));
    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(), answers))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("solvedWithArticle: 'KB-99999' is not a published article");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isOne();
  }

  @Test
  void escalating_recordsNoArticle_evenWhenOneWasSent() {
    ProcessInstance ticket = printerJam();
    Task task = firstLine(ticket);
    asDora();
    engine.getTaskService().claim(task.getId(), "dora");
    engine.getTaskService().complete(task.getId(), Map.of(FIRST_LINE_NOTES, "Needs a technician",
        FIRST_LINE_OUTCOME, "escalate", SOLVED_WITH_ARTICLE, published.get("printer-jam")));
    engine.getIdentityService().clearAuthentication();
    assertThat(engine.getRuntimeService().getVariables(ticket.getId())).doesNotContainKey(SOLVED_WITH_ARTICLE);
  }

  private ProcessInstance printerJam() {
    ProcessInstance ticket = engine.getRuntimeService().startProcessInstanceByKey(TicketProcess.KEY,
        SampleIntake.intake(new HashMap<>(Map.of(TITLE, "Printer on floor 3 keeps jamming", DESCRIPTION,
            "Paper gets stuck in the tray every few pages", AFFECTED_SYSTEM, "PRN-3"))));
    engine.getManagementService().createJobQuery().processInstanceId(ticket.getId()).messages().list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    return ticket;
  }

  private Task firstLine(ProcessInstance ticket) {
    return engine.getTaskService().createTaskQuery().processInstanceId(ticket.getId())
        .taskDefinitionKey(TicketProcess.DIAGNOSE_AT_FIRST_LINE).singleResult();
  }

  private void asDora() {
    engine.getIdentityService().setAuthentication("dora", List.of(Roles.SERVICE_DESK));
  }
}
