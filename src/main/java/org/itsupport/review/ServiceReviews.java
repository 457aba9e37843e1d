package org.itsupport.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
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
 * the first time it is asked for, and kept as it was; asking again gives the kept one. The database refuses to
 * change or delete a kept report (V8).
 */
@Component("serviceReviews")
public class ServiceReviews {

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
    return kept(month).orElseGet(() -> {
      MonthlyReport report = calculator.calculate(month);
      database.update("insert into service_review (month, computed_at, report) values (?, ?, ?)"
          + " on conflict (month) do nothing", month.toString(), Timestamp.from(EngineClock.now()), write(report));
      return kept(month).orElseThrow();
    });
  }

  public Optional<MonthlyReport> kept(YearMonth month) {
    return database.query("select report from service_review where month = ?",
        (row, i) -> read(row.getString(1)), month.toString()).stream().findFirst();
  }

  private String write(MonthlyReport report) {
    try {
      return json.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The report of " + report.month() + " cannot be written", e);
    }
  }

  private MonthlyReport read(String text) {
    try {
      return json.readValue(text, MonthlyReport.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A kept service review cannot be read", e);
    }
  }
}
