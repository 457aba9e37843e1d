package org.itsupport.knowledge;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.itsupport.shared.EngineClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The knowledge base's articles and their versions (tables kb_article, kb_article_version, kb_article_use, V9).
 * A version is written (in review), then published by a reviewer who is not its author, or sent back; publishing
 * a revision supersedes the version published before. Runs in the caller's transaction, the engine's included.
 */
@Component
public class Articles {

  static final String IN_REVIEW = "in-review";
  static final String SENT_BACK = "sent-back";
  static final String PUBLISHED = "published";
  static final String SUPERSEDED = "superseded";

  private static final String COLUMNS = "v.article_id, v.version, v.state, v.title, v.service_type,"
      + " v.affected_system, v.symptoms, v.steps, v.root_cause, v.keywords, v.source_ticket, v.author,"
      + " v.reviewed_by, a.solved_tickets, a.retired_at";
  private static final RowMapper<Article> ARTICLE = (row, i) -> new Article(row.getString(1), row.getInt(2),
      row.getString(3), row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
      row.getString(9), row.getString(10), row.getString(11), row.getString(12), row.getString(13), row.getInt(14),
      row.getTimestamp(15) != null);

  private final JdbcTemplate database;

  public Articles(DataSource dataSource) {
    this.database = new JdbcTemplate(dataSource);
  }

  /** A new article, its first version in review; its number, such as KB-00042. */
  public String propose(Article.Draft draft, String author) {
    Integer number = database.queryForObject(
        "update kb_article_counter set last_number = last_number + 1 returning last_number", Integer.class);
    String id = "KB-%05d".formatted(number);
    database.update("insert into kb_article (id, created_at) values (?, ?)", id, now());
    insertVersion(id, 1, draft, author);
    return id;
  }

  /** A new version of a published article, in review; the published one stays until this one is published. */
  public int revise(String articleId, Article.Draft draft, String author) {
    Integer version = database.queryForObject(
        "select coalesce(max(version), 0) + 1 from kb_article_version where article_id = ?", Integer.class, articleId);
    insertVersion(articleId, version, draft, author);
    return version;
  }

  /** The reviewer publishes the version: it becomes the one first line finds, the one before is superseded. */
  public void publish(String articleId, int version, String reviewer) {
    review(articleId, version, reviewer, PUBLISHED, null);
    database.update("update kb_article_version set state = ? where article_id = ? and state = ? and version <> ?",
        SUPERSEDED, articleId, PUBLISHED, version);
    database.update("update kb_article set published_version = ? where id = ?", version, articleId);
  }

  /** The reviewer sends the version back to its author, saying why. */
  public void sendBack(String articleId, int version, String reviewer, String notes) {
    review(articleId, version, reviewer, SENT_BACK, notes);
  }

  /** First line no longer finds the article; its versions, and the tickets it solved, stay. */
  public void retire(String articleId, String by) {
    database.update("update kb_article set retired_at = ?, retired_by = ? where id = ? and retired_at is null",
        now(), by, articleId);
  }

  public Optional<Article> version(String articleId, int version) {
    return database.query("select " + COLUMNS + " from kb_article_version v join kb_article a on a.id = v.article_id"
        + " where v.article_id = ? and v.version = ?", ARTICLE, articleId, version).stream().findFirst();
  }

  /** The article as first line finds it: its published version, unless it was retired. */
  public Optional<Article> published(String articleId) {
    return database.query("select " + COLUMNS + " from kb_article a join kb_article_version v"
        + " on v.article_id = a.id and v.version = a.published_version where a.id = ? and a.retired_at is null",
        ARTICLE, articleId).stream().findFirst();
  }

  public List<Article> versions(String articleId) {
    return database.query("select " + COLUMNS + " from kb_article_version v join kb_article a on a.id = v.article_id"
        + " where v.article_id = ? order by v.version", ARTICLE, articleId);
  }

  /** The ticket was solved with the article's version: counted on the article, once per ticket. */
  public void recordUse(String ticketNumber, String articleId, int version, String usedBy) {
    if (database.update("insert into kb_article_use (ticket_number, article_id, version, used_by, used_at)"
        + " values (?, ?, ?, ?, ?) on conflict (ticket_number) do nothing", ticketNumber, articleId, version, usedBy,
        now()) == 1) {
      database.update("update kb_article set solved_tickets = solved_tickets + 1 where id = ?", articleId);
    }
  }

  private void insertVersion(String articleId, int version, Article.Draft draft, String author) {
    database.update("insert into kb_article_version (article_id, version, state, title, service_type,"
        + " affected_system, symptoms, steps, root_cause, keywords, source_ticket, author, written_at)"
        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", articleId, version, IN_REVIEW, draft.title(),
        draft.serviceType(), draft.affectedSystem(), draft.symptoms(), draft.steps(), draft.rootCause(),
        draft.keywords(), draft.sourceTicket(), author, now());
  }

  private void review(String articleId, int version, String reviewer, String outcome, String notes) {
    Article article = version(articleId, version).orElseThrow(() -> new IllegalArgumentException(
        "There is no version " + version + " of article " + articleId));
    if (!IN_REVIEW.equals(article.state())) {
      throw new IllegalStateException(articleId + " v" + version + " was reviewed already (" + article.state() + ")");
    }
    if (article.author().equals(reviewer)) {
      throw new IllegalStateException(reviewer + " wrote " + articleId + " v" + version
          + " and so cannot review it; another reviewer must");
    }
    database.update("update kb_article_version set state = ?, reviewed_by = ?, reviewed_at = ?, review_notes = ?"
        + " where article_id = ? and version = ?", outcome, reviewer, now(), notes, articleId, version);
  }

  private static Timestamp now() {
    return Timestamp.from(EngineClock.now());
  }
}
