package org.itsupport.model;

/** Ids and variables of processes/knowledge-article.bpmn that code, forms and tests refer to. */
public final class ArticleProcess {

  private ArticleProcess() {
  }

  public static final String KEY = "knowledge-article";
  public static final String WRITE = "Task_WriteArticle";
  public static final String REVIEW = "Task_ReviewArticle";

  /** The article's content as its author writes it. */
  public static final String TITLE = "articleTitle";
  public static final String SERVICE_TYPE = "articleServiceType";
  public static final String AFFECTED_SYSTEM = "articleAffectedSystem";
  public static final String SYMPTOMS = "articleSymptoms";
  public static final String STEPS = "articleSteps";
  public static final String ROOT_CAUSE = "articleRootCause";
  public static final String KEYWORDS = "articleKeywords";
  /** The ticket whose fix the article was written from, if any. */
  public static final String SOURCE_TICKET = "articleSourceTicket";

  /** The article (KB-00042) and the version under review; an article to revise is named at the start. */
  public static final String ARTICLE_ID = "articleId";
  public static final String ARTICLE_VERSION = "articleVersion";
  public static final String AUTHOR = "articleAuthor";
  /** Set when a ticket's fix proposed the article: its author writes it up first. */
  public static final String FROM_TICKET = "articleFromTicket";

  public static final String REVIEW_DECISION = "articleReviewDecision";
  public static final String REVIEW_NOTES = "articleReviewNotes";
  public static final String REVIEWER = "articleReviewer";
}
