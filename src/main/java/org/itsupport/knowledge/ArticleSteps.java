package org.itsupport.knowledge;

import static org.itsupport.model.ArticleProcess.*;

import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.itsupport.shared.CompletingUser;
import org.itsupport.ticket.InputRules;
import org.itsupport.ticket.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The steps of processes/knowledge-article.bpmn: keep each version written, review it with four eyes, publish.
 * Named knowledgeArticleSteps: the article's own variable "articleSteps" would hide a bean of that name.
 */
@Component("knowledgeArticleSteps")
public class ArticleSteps {

  static final String PUBLISH = "publish";
  static final String SEND_BACK = "send-back";

  private static final Set<String> START_FIELDS = Set.of(TITLE, SERVICE_TYPE, AFFECTED_SYSTEM, SYMPTOMS, STEPS,
      ROOT_CAUSE, KEYWORDS, SOURCE_TICKET, ARTICLE_ID, AUTHOR, FROM_TICKET);

  /** What an article needs; the same values the start form and the revision's form offer. */
  static final InputRules CONTENT_RULES = InputRules.builder()
      .text(TITLE, SERVICE_TYPE, AFFECTED_SYSTEM, SYMPTOMS, STEPS, ROOT_CAUSE, KEYWORDS)
      .required(TITLE, SYMPTOMS, STEPS)
      .oneOf(SERVICE_TYPE, "hardware", "software", "network", "account-access", "security", "consultation", "other")
      .maxLength(TITLE, 200).maxLength(AFFECTED_SYSTEM, 200).maxLength(KEYWORDS, 500)
      .maxLength(SYMPTOMS, 4000).maxLength(STEPS, 4000).maxLength(ROOT_CAUSE, 4000)
      .build();

  static final InputRules REVIEW_RULES = InputRules.builder()
      .oneOf(REVIEW_DECISION, PUBLISH, SEND_BACK)
      .requiredWhen(REVIEW_NOTES, REVIEW_DECISION, SEND_BACK)
      .maxLength(REVIEW_NOTES, 4000)
      .build();

  private final Articles articles;

  public ArticleSteps(Articles articles) {
    this.articles = articles;
  }

  /** Start listener: who proposes the article is its author; an article to revise must be published. */
  public void start(DelegateExecution execution) {
    InputRules.onlyFields(execution.getVariableNames(), START_FIELDS);
    var identity = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (identity != null) {
      execution.setVariable(AUTHOR, identity.getUserId()); // a user proposes for themselves, never for others
    } else if (!(execution.getVariable(AUTHOR) instanceof String)) {
      throw new IllegalStateException("An article proposed without a signed-in user needs " + AUTHOR);
    }
    if (execution.getVariable(ARTICLE_ID) instanceof String id && !id.isBlank()) {
      Article article = articles.published(id.trim()).orElseThrow(() -> InvalidInputException.of(ARTICLE_ID,
          InputRules.quoted(id) + " is not a published article"));
      execution.setVariable(ARTICLE_ID, article.id());
      execution.setProcessBusinessKey(article.id());
    } else {
      execution.removeVariable(ARTICLE_ID);
    }
    if (!Boolean.TRUE.equals(execution.getVariable(FROM_TICKET))) {
      CONTENT_RULES.check(execution::getVariable);
    }
  }

  /** Keeps the version written: a new article, or the next version of the one named; it goes to review. */
  public void keep(DelegateExecution execution) {
    CONTENT_RULES.check(execution::getVariable);
    Article.Draft draft = new Article.Draft(text(execution, TITLE), text(execution, SERVICE_TYPE),
        text(execution, AFFECTED_SYSTEM), text(execution, SYMPTOMS), text(execution, STEPS),
        text(execution, ROOT_CAUSE), text(execution, KEYWORDS), text(execution, SOURCE_TICKET));
    String author = (String) execution.getVariable(AUTHOR);
    String id = (String) execution.getVariable(ARTICLE_ID);
    if (id == null) {
      id = articles.propose(draft, author);
      execution.setVariable(ARTICLE_ID, id);
      execution.setVariable(ARTICLE_VERSION, 1);
      execution.setProcessBusinessKey(id);
    } else {
      execution.setVariable(ARTICLE_VERSION, articles.revise(id, draft, author));
    }
    // the new version is reviewed afresh
    execution.removeVariable(REVIEW_DECISION);
    execution.removeVariable(REVIEW_NOTES);
  }

  /**
   * Task listener on the review, on assignment and complete: the author may neither claim nor review their own
   * version; what the reviewer submitted is checked.
   */
  public void review(DelegateTask task) {
    boolean claiming = TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName());
    String user = claiming ? task.getAssignee() : CompletingUser.of(task);
    if (user != null && user.equals(task.getVariable(AUTHOR))) {
      String reason = user + " wrote this version and so cannot review it; another reviewer must";
      if (claiming) {
        throw new AuthorizationException(reason);
      }
      throw InvalidInputException.of(REVIEW_DECISION, reason);
    }
    if (!claiming) {
      REVIEW_RULES.check(task::getVariable);
      task.setVariable(REVIEWER, user);
    }
  }

  public void publish(DelegateExecution execution) {
    articles.publish(id(execution), version(execution), (String) execution.getVariable(REVIEWER));
  }

  public void sendBack(DelegateExecution execution) {
    articles.sendBack(id(execution), version(execution), (String) execution.getVariable(REVIEWER),
        (String) execution.getVariable(REVIEW_NOTES));
  }

  private static String id(DelegateExecution execution) {
    return (String) execution.getVariable(ARTICLE_ID);
  }

  private static int version(DelegateExecution execution) {
    return ((Number) execution.getVariable(ARTICLE_VERSION)).intValue();
  }

  private static String text(DelegateExecution execution, String name) {
    return Optional.ofNullable(execution.getVariable(name)).map(Object::toString).map(String::strip)
        .filter(value -> !value.isEmpty()).orElse(null);
  }

}
