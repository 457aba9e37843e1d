package org.itsupport.review;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.itsupport.review.ServiceReviews.Review;
import org.itsupport.sla.BusinessCalendar;
import org.itsupport.shared.EngineClock;
import org.itsupport.ticket.InputRules;
import org.itsupport.ticket.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * What the Service review page in Cockpit shows for a month: its kept report (worked out and kept now, the first
 * time a month that has ended is asked for), the meeting's outcome once held, and the months before for the trend.
 * The current month is worked out as it stands and not kept.
 */
@Component
public class ReviewPages {

  /** The months the trend shows, the chosen one included. */
  static final int TREND_MONTHS = 6;

  /** A month as the page shows it; times are ISO-8601 instants. */
  public record Page(String month, String monthName, boolean kept, String computedAt, String heldAt, String heldBy,
      ReviewOutcome outcome, MonthlyReport report, List<Trend> trend) {
  }

  /** The headline figures of one month, for the trend charts. */
  public record Trend(String month, long opened, long closed, Double highPriorityShare, Double firstLineResolutionRate,
      Double reopenRate, Double responseSlaPercent, Double resolutionSlaPercent, Double satisfaction) {
  }

  private final ServiceReviews reviews;
  private final BusinessCalendar calendar;

  public ReviewPages(ServiceReviews reviews, BusinessCalendar calendar) {
    this.reviews = reviews;
    this.calendar = calendar;
  }

  /** The month the page opens with: the last one that has ended. */
  public YearMonth lastEnded() {
    return current().minusMonths(1);
  }

  /** A month the page can show: 2026-10, and not one that has yet to begin. */
  public YearMonth month(String text) {
    YearMonth month;
    try {
      month = YearMonth.parse(Objects.requireNonNullElse(text, "").trim());
    } catch (DateTimeParseException e) {
      throw invalid(InputRules.quoted(text) + " is not a month such as " + lastEnded());
    }
    if (month.isAfter(current())) {
      throw invalid(month + " has not begun");
    }
    if (month.getYear() < 2000) {
      throw invalid(month + " lies before any ticket");
    }
    return month;
  }

  public Page page(YearMonth month) {
    List<Trend> trend = new ArrayList<>();
    for (int back = TREND_MONTHS - 1; back > 0; back--) {
      trend.add(trend(reviews.reportOf(month.minusMonths(back))));
    }
    if (month.equals(current())) {
      MonthlyReport soFar = reviews.soFar(month);
      trend.add(trend(soFar));
      return new Page(month.toString(), ReviewSummary.monthName(month), false, EngineClock.now().toString(), null, null,
          null,
          soFar, trend);
    }
    Review review = reviews.reviewOf(month);
    trend.add(trend(review.report()));
    return new Page(month.toString(), ReviewSummary.monthName(month), true, review.computedAt().toString(),
        review.heldAt() == null ? null : review.heldAt().toString(),
        review.heldBy(), review.outcome(), review.report(), trend);
  }

  private YearMonth current() {
    return YearMonth.from(EngineClock.now().atZone(calendar.zone()));
  }

  private static Trend trend(MonthlyReport report) {
    long closed = report.slaByPriority().values().stream().mapToLong(MonthlyReport.SlaCompliance::closed).sum();
    long response = report.slaByPriority().values().stream().mapToLong(MonthlyReport.SlaCompliance::responseMet).sum();
    long resolution = report.slaByPriority().values().stream()
        .mapToLong(MonthlyReport.SlaCompliance::resolutionMet).sum();
    List<Double> means = report.satisfaction().meanByDimension().values().stream().filter(Objects::nonNull).toList();
    return new Trend(report.month(), report.opened().total(), report.closed().total(), report.highPriorityShare(),
        report.firstLineResolutionRate(), report.reopenRate(), MonthlyReportCalculator.percent(response, closed),
        MonthlyReportCalculator.percent(resolution, closed),
        MonthlyReportCalculator.mean(means));
  }

  private static InvalidInputException invalid(String message) {
    return InvalidInputException.of("month", message);
  }
}
