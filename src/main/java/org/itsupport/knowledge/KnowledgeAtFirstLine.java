package org.itsupport.knowledge;

import static org.itsupport.model.TicketVariables.*;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.itsupport.shared.CompletingUser;
import org.itsupport.shared.JsonVariables;
import org.springframework.stereotype.Component;

/**
 * The knowledge base on *Diagnose at first line*: when the task is created, the published articles that best
 * match the ticket are put on it (the form shows them with their symptoms and steps); when the agent completes it
 * as solved with one of them, the ticket records the article and its version, the fix sent to the requester is the
 * article's steps unless the agent wrote one, and the article counts the ticket.
 */
@Component("knowledgeAtFirstLine")
public class KnowledgeAtFirstLine {

  /** A handful: what an agent reads while the caller waits. */
  static final int SUGGESTED = 5;

  private final ArticleSearch search;
  private final Articles articles;

  public KnowledgeAtFirstLine(ArticleSearch search, Articles articles) {
    this.search = search;
    this.articles = articles;
  }

  /** Task listener on create. */
  public void suggest(DelegateTask task) {
    List<ArticleSearch.Suggestion> suggestions = search.suggest(queryOf(task), SUGGESTED);
    task.setVariable(KNOWLEDGE_SUGGESTIONS, JsonVariables.list(suggestions));
    task.setVariable(KNOWLEDGE_ARTICLE_OPTIONS, JsonVariables.list(suggestions.stream()
        .map(suggestion -> Map.of("label", suggestion.articleId() + " " + suggestion.title(),
            "value", suggestion.articleId())).toList()));
  }

  /** Task listener on complete, before the task's input is checked. */
  public void solvedWith(DelegateTask task) {
    Object chosen = task.getVariable(SOLVED_WITH_ARTICLE);
    if (!"solved".equals(task.getVariable(FIRST_LINE_OUTCOME)) || !(chosen instanceof String articleId)
        || articleId.isBlank()) {
      task.getExecution().removeVariable(SOLVED_WITH_ARTICLE);
      task.getExecution().removeVariable(SOLVED_WITH_ARTICLE_VERSION);
      return;
    }
    Optional<Article> article = articles.published(articleId.trim());
    if (article.isEmpty()) {
      task.getExecution().removeVariable(SOLVED_WITH_ARTICLE_VERSION); // the input check names the field
      return;
    }
    task.setVariable(SOLVED_WITH_ARTICLE_VERSION, article.get().version());
    if (!(task.getVariable(RESOLUTION) instanceof String fix) || fix.isBlank()) {
      task.setVariable(RESOLUTION, article.get().steps());
    }
    articles.recordUse((String) task.getVariable(TICKET_NUMBER), article.get().id(), article.get().version(),
        CompletingUser.of(task));
  }

  private static ArticleSearch.Query queryOf(DelegateTask task) {
    String text = Stream.of(TITLE, DESCRIPTION, AFFECTED_SYSTEM, ALREADY_TRIED).map(task::getVariable)
        .filter(Objects::nonNull).map(Object::toString).collect(Collectors.joining(" "));
    return new ArticleSearch.Query((String) task.getVariable(SERVICE_TYPE), (String) task.getVariable(AFFECTED_SYSTEM),
        text);
  }
}
