package org.itsupport.problem;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.itsupport.shared.EngineClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The tickets as they may recur (ticket_recurrence), the problems and the tickets linked to them (V10). Runs in
 * the caller's transaction, the engine's included.
 */
@Component
public class Problems {

  /** A way tickets cluster, and this ticket's key for it (the affected system, or service type and department). */
  public record Cluster(String by, String key) {

    static final String AFFECTED_SYSTEM = "affected-system";
    static final String SERVICE_TYPE_AND_DEPARTMENT = "service-type-and-department";
  }

  private static final RowMapper<Problem> PROBLEM = (row, i) -> new Problem(row.getString("id"),
      row.getString("cluster_by"), row.getString("cluster_key"), row.getString("service_type"),
      row.getString("investigating_group"), row.getTimestamp("opened_at").toInstant(), row.getString("root_cause"),
      row.getString("workaround"),
      row.getTimestamp("closed_at") == null ? null : row.getTimestamp("closed_at").toInstant());

  private static final String NOT_INVESTIGATED = " and r.opened_at >= ? and not exists (select 1 from problem_ticket t"
      + " join problem p on p.id = t.problem_id where t.ticket_number = r.ticket_number and p.cluster_by = ?"
      + " and p.cluster_key = ?)";

  private final JdbcTemplate database;

  public Problems(DataSource dataSource) {
    this.database = new JdbcTemplate(dataSource);
  }

  /** Notes the ticket once, with what it may recur on (keys in lower case, trimmed; empty ones left out). */
  public void note(String ticketNumber, Instant openedAt, String serviceType, String affectedSystem,
      String department) {
    database.update("insert into ticket_recurrence (ticket_number, opened_at, service_type, affected_system,"
        + " department) values (?, ?, ?, ?, ?) on conflict (ticket_number) do nothing", ticketNumber,
        Timestamp.from(openedAt), serviceType, affectedSystem, department);
  }

  /**
   * The tickets of the cluster opened since then that no problem of the cluster investigated yet, oldest first:
   * once a problem is closed, its tickets do not count again.
   */
  public List<String> clusterTickets(Cluster cluster, Instant since) {
    return database.queryForList("select r.ticket_number from ticket_recurrence r where " + where(cluster)
        + NOT_INVESTIGATED + " order by r.opened_at, r.ticket_number", String.class, parameters(cluster, since));
  }

  public int count(Cluster cluster, Instant since) {
    return database.queryForObject("select count(*) from ticket_recurrence r where " + where(cluster)
        + NOT_INVESTIGATED, Integer.class, parameters(cluster, since));
  }

  public Optional<Problem> openProblem(Cluster cluster) {
    return database.query("select * from problem where cluster_by = ? and cluster_key = ? and closed_at is null",
        PROBLEM, cluster.by(), cluster.key()).stream().findFirst();
  }

  public Optional<Problem> find(String id) {
    return database.query("select * from problem where id = ?", PROBLEM, id).stream().findFirst();
  }

  /** Opens a problem for the cluster; empty when one is open already (another node may just have opened it). */
  public Optional<String> open(Cluster cluster, String serviceType) {
    Integer number = database.queryForObject(
        "update problem_counter set last_number = last_number + 1 returning last_number", Integer.class);
    String id = "PRB-%05d".formatted(number);
    int opened = database.update("insert into problem (id, cluster_by, cluster_key, service_type, opened_at)"
        + " values (?, ?, ?, ?, ?) on conflict (cluster_by, cluster_key) where closed_at is null do nothing", id,
        cluster.by(), cluster.key(), serviceType, now());
    return opened == 1 ? Optional.of(id) : Optional.empty();
  }

  /** The group the routing table named to investigate it. */
  public void assign(String problemId, String group) {
    database.update("update problem set investigating_group = ? where id = ?", group, problemId);
  }

  public void link(String problemId, String ticketNumber) {
    database.update("insert into problem_ticket (problem_id, ticket_number, linked_at) values (?, ?, ?)"
        + " on conflict do nothing", problemId, ticketNumber, now());
  }

  public List<String> tickets(String problemId) {
    return database.queryForList("select ticket_number from problem_ticket where problem_id = ?"
        + " order by linked_at, ticket_number", String.class, problemId);
  }

  public void recordFindings(String problemId, String rootCause, String workaround) {
    database.update("update problem set root_cause = ?, workaround = ? where id = ?", rootCause, workaround,
        problemId);
  }

  public void close(String problemId, String by, String notes) {
    database.update("update problem set closed_at = ?, closed_by = ?, closure_notes = ? where id = ?"
        + " and closed_at is null", now(), by, notes, problemId);
  }

  private static String where(Cluster cluster) {
    return Cluster.AFFECTED_SYSTEM.equals(cluster.by()) ? "r.affected_system = ?"
        : "r.service_type = ? and r.department = ?";
  }

  private static Object[] parameters(Cluster cluster, Instant since) {
    if (Cluster.AFFECTED_SYSTEM.equals(cluster.by())) {
      return new Object[] {cluster.key(), Timestamp.from(since), cluster.by(), cluster.key()};
    }
    String[] parts = cluster.key().split("\\|", 2);
    return new Object[] {parts[0], parts[1], Timestamp.from(since), cluster.by(), cluster.key()};
  }

  private static Timestamp now() {
    return Timestamp.from(EngineClock.now());
  }
}
