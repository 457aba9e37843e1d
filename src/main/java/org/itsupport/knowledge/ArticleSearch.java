package org.itsupport.knowledge;

import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds the published articles that best match a ticket, with PostgreSQL's own full-text search (English
 * stemming, a GIN index on each version's weighted text): one database for every node, nothing to keep in step.
 * Any word of the ticket may match (its words are or-ed, stop words dropped); the rank weighs the title most,
 * then symptoms and keywords, then the steps, and adds for the same affected system and service type.
 */
@Component
public class ArticleSearch {

  /** What a ticket says about itself: its service type, affected system, and its words. */
  public record Query(String serviceType, String affectedSystem, String text) {
  }

  /** A match, best first. */
  public record Suggestion(String articleId, int version, String title, String symptoms, String steps,
      int solvedTickets, double score) {
  }

  static final double SAME_SYSTEM = 0.5;
  static final double SAME_SERVICE_TYPE = 0.1;

  private static final String SQL = """
      with q as (select nullif(replace(plainto_tsquery('english', ?)::text, '&', '|'), '') as words)
      select v.article_id, v.version, v.title, v.symptoms, v.steps, a.solved_tickets,
             coalesce(ts_rank('{0.1, 0.2, 0.4, 1.0}', v.search, to_tsquery('english', q.words), 32), 0)
             + case when lower(v.affected_system) = lower(?) then ? else 0 end
             + case when v.service_type = ? then ? else 0 end as score
      from kb_article a
      join kb_article_version v on v.article_id = a.id and v.version = a.published_version
      cross join q
      where a.retired_at is null
        and (v.search @@ to_tsquery('english', q.words) or lower(v.affected_system) = lower(?))
      order by score desc, a.solved_tickets desc, v.article_id
      limit ?""";

  private final JdbcTemplate database;

  public ArticleSearch(DataSource dataSource) {
    this.database = new JdbcTemplate(dataSource);
  }

  public List<Suggestion> suggest(Query query, int limit) {
    String system = Objects.requireNonNullElse(query.affectedSystem(), "").trim();
    return database.query(SQL, (row, i) -> new Suggestion(row.getString(1), row.getInt(2), row.getString(3),
        row.getString(4), row.getString(5), row.getInt(6), Math.round(row.getDouble(7) * 1000) / 1000.0),
        Objects.requireNonNullElse(query.text(), ""), system, SAME_SYSTEM, query.serviceType(), SAME_SERVICE_TYPE,
        system, limit);
  }
}
