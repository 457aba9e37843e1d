package org.itsupport.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.itsupport.shared.EngineClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The reports of the monthly service review (table {@code service_review}): a month's report is worked out once,
 * the first time it is asked for, and kept as it was; asking again gives the kept one. The meeting's outcome is
 * recorded once beside it. The database refuses to change or delete a kept report or a recorded outcome (V8).
 */
@Component("serviceReviews")
public class ServiceReviews {

  /** A month's kept review: the report, when it was worked out, and the meeting's outcome once it was held. */
  public record Review(MonthlyReport report, Instant computedAt, ReviewOutcome outcome, Instant heldAt,
      String heldBy) {

    public boolean held() {
      return heldAt != null;
    }
  }

  private final MonthlyReportCalculator calculator;
  private final JdbcTemplate database;
  private final ObjectMapper json;

  public ServiceReviews(HistoryService history, DataSource dataSource, ObjectMapper json,
      @Value("${itsupport.business-calendar.time-zone}") ZoneId zone) {
    this.calculator = new MonthlyReportCalculator(history, zone);
    this.database = new JdbcTemplate(dataSource);
    this.json = json;
  }

  /** The month's kept report, worked out and kept now if it is the first time. */
  public MonthlyReport reportOf(YearMonth month) {
    return reviewOf(month).report();
  }

  /** The month's kept review, its report worked out and kept now if it is the first time. */
  public Review reviewOf(YearMonth month) {
    return kept(month).orElseGet(() -> {
      database.update("insert into service_review (month, computed_at, report) values (?, ?, ?)"
          + " on conflict (month) do nothing", month.toString(), Timestamp.from(EngineClock.now()),
          write(calculator.calculate(month)));
      return kept(month).orElseThrow();
    });
  }

  /** A month that has not ended yet: worked out as it stands, not kept. */
  public MonthlyReport soFar(YearMonth month) {
    return calculator.calculate(month);
  }

  public Optional<Review> kept(YearMonth month) {
    return database.query("select report, computed_at, actions, held_at, held_by from service_review where month = ?",
        (row, i) -> new Review(read(row.getString(1), MonthlyReport.class), row.getTimestamp(2).toInstant(),
            row.getString(3) == null ? null : read(row.getString(3), ReviewOutcome.class),
            row.getTimestamp(4) == null ? null : row.getTimestamp(4).toInstant(), row.getString(5)),
        month.toString()).stream().findFirst();
  }

  /** Records the meeting's outcome; false when the month's review was held already (its outcome stays). */
  public boolean recordHeld(YearMonth month, ReviewOutcome outcome, String heldBy) {
    return database.update("update service_review set actions = ?, held_at = ?, held_by = ?"
        + " where month = ? and held_at is null", write(outcome), Timestamp.from(EngineClock.now()), heldBy,
        month.toString()) == 1;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A service review cannot be written", e);
    }
  }

  private <T> T read(String text, Class<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A kept service review cannot be read", e);
    }
  }
}
