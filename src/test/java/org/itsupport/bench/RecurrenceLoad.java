package org.itsupport.bench;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.itsupport.problem.RecurringProblems;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The recurring-problems check at intake, on 10,000 tickets of the last 30 days (seeded the fastest way, straight
 * into ticket_recurrence): how long the check takes for one new ticket, as it runs at every intake.
 */
final class RecurrenceLoad {

  private static final String[] TYPES = {"hardware", "software", "network", "account-access", "security"};
  /** Affected systems: devices, applications and services, most named by few tickets in a month. */
  private static final int SYSTEMS = 5000;

  private RecurrenceLoad() {
  }

  /** Earlier tickets over 5,000 affected systems and 40 departments, spread over the last 30 days. */
  static int seed(DataSource dataSource, int tickets) {
    JdbcTemplate database = new JdbcTemplate(dataSource);
    Random random = new Random(11);
    Instant now = Instant.now();
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < tickets; i++) {
      rows.add(new Object[] {"B-REC-%06d".formatted(i),
          Timestamp.from(now.minus(Duration.ofMinutes(random.nextInt(30 * 24 * 60)))), TYPES[i % TYPES.length],
          "sys-" + random.nextInt(SYSTEMS), "department " + random.nextInt(40)});
    }
    database.batchUpdate("insert into ticket_recurrence (ticket_number, opened_at, service_type, affected_system,"
        + " department) values (?, ?, ?, ?, ?) on conflict do nothing", rows);
    database.execute("analyze ticket_recurrence");
    return database.queryForObject("select count(*) from ticket_recurrence where opened_at >= ?", Integer.class,
        Timestamp.from(now.minus(Duration.ofDays(30))));
  }

  /**
   * Milliseconds per check of a new ticket on one of the seeded systems and departments, p50 / p95 / p99: of all
   * checks, of those that only noted or linked the ticket, and of those that opened a problem (and started its
   * investigation).
   */
  static Map<String, Object> check(RecurringProblems recurring, ProcessEngine engine, DataSource dataSource,
      int tickets) {
    JdbcTemplate database = new JdbcTemplate(dataSource);
    Random random = new Random(13);
    List<Double> all = new ArrayList<>();
    List<Double> linked = new ArrayList<>();
    List<Double> opened = new ArrayList<>();
    for (int i = -100; i < tickets; i++) {
      RecurringProblems.Recurrence ticket = new RecurringProblems.Recurrence("B-NEW-%06d".formatted(i + 100),
          TYPES[random.nextInt(TYPES.length)], "SYS-" + random.nextInt(SYSTEMS), "Department " + random.nextInt(40));
      int problemsBefore = database.queryForObject("select count(*) from problem", Integer.class);
      long start = System.nanoTime();
      recurring.recur(ticket, engine);
      double millis = (System.nanoTime() - start) / 1e6;
      if (i >= 0) {
        all.add(millis);
        (database.queryForObject("select count(*) from problem", Integer.class) > problemsBefore ? opened : linked)
            .add(millis);
      }
    }
    return Map.of("all", percentiles(all), "notedOrLinked", percentiles(linked), "openedAProblem", percentiles(opened));
  }

  private static Map<String, Object> percentiles(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return sorted.length == 0 ? Map.of("count", 0) : Map.of("count", sorted.length, "p50Ms", percentile(sorted, 50),
        "p95Ms", percentile(sorted, 95), "p99Ms", percentile(sorted, 99));
  }

  private static double percentile(double[] sorted, int percent) {
    return Math.round(sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)] * 10) / 10.0;
  }
}
