package org.itsupport.review;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.itsupport.audit.TicketsCsv;
import org.itsupport.review.MonthlyReport.Recurring;

/**
 * A month's review as a CSV file for a spreadsheet, one figure per row (section, figure, breakdown, value): UTF-8
 * with a byte-order mark, names from tickets never read as formulas.
 */
final class ReviewCsv {

  private final CSVPrinter csv;

  private ReviewCsv(CSVPrinter csv) {
    this.csv = csv;
  }

  static void write(ReviewPages.Page page, OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    writer.write('\uFEFF');
    CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader("month", "section", "figure", "breakdown", "value")
        .get().print(writer);
    try {
      new ReviewCsv(printer).rows(page);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    printer.flush();
  }

  private void rows(ReviewPages.Page page) {
    MonthlyReport report = page.report();
    String month = report.month();
    counts(month, "opened", report.opened());
    counts(month, "closed", report.closed());
    row(month, "shares", "P1/P2 of opened (%)", "", report.highPriorityShare());
    row(month, "shares", "first-line resolution (%)", "", report.firstLineResolutionRate());
    row(month, "shares", "reopened (%)", "", report.reopenRate());
    for (Map.Entry<String, MonthlyReport.SlaCompliance> sla : report.slaByPriority().entrySet()) {
      row(month, "sla", "closed", sla.getKey(), sla.getValue().closed());
      row(month, "sla", "response met (%)", sla.getKey(), sla.getValue().responsePercent());
      row(month, "sla", "resolution met (%)", sla.getKey(), sla.getValue().resolutionPercent());
    }
    for (Map.Entry<String, MonthlyReport.Times> times : report.timesByPriority().entrySet()) {
      row(month, "business minutes", "mean to first response", times.getKey(), times.getValue().meanToFirstResponse());
      row(month, "business minutes", "median to first response", times.getKey(),
          times.getValue().medianToFirstResponse());
      row(month, "business minutes", "mean to resolution", times.getKey(), times.getValue().meanToResolution());
      row(month, "business minutes", "median to resolution", times.getKey(), times.getValue().medianToResolution());
    }
    for (Map.Entry<String, MonthlyReport.Resolution> type : report.resolutionByServiceType().entrySet()) {
      row(month, "resolution", "confirmed fixed (%)", type.getKey(), type.getValue().percent());
      row(month, "resolution", "target (%)", type.getKey(), type.getValue().targetPercent());
    }
    MonthlyReport.Satisfaction satisfaction = report.satisfaction();
    row(month, "satisfaction", "rated", "", satisfaction.rated());
    satisfaction.meanByDimension().forEach((dimension, mean) -> row(month, "satisfaction", "mean", dimension, mean));
    row(month, "satisfaction", "target", "", satisfaction.target());
    row(month, "satisfaction", "low ratings", "", satisfaction.lowRatings());
    row(month, "satisfaction", "low ratings followed up", "", satisfaction.lowRatingsFollowedUp());
    report.escalationsByLevel().forEach((level, count) -> row(month, "escalations", "level", String.valueOf(level),
        count));
    for (Recurring system : report.recurringSystems()) {
      row(month, "frequent problems", "affected system", system.name(), system.tickets());
    }
    for (Recurring requester : report.repeatRequesters()) {
      row(month, "frequent problems", "requester", requester.name(), requester.tickets());
    }
    if (report.knowledge() != null) {
      row(month, "knowledge", "solved at first line", "", report.knowledge().solvedAtFirstLine());
      row(month, "knowledge", "of those with an article", "", report.knowledge().withArticle());
      row(month, "knowledge", "with an article (%)", "", report.knowledge().articleSharePercent());
      row(month, "knowledge", "problem investigations opened", "", report.knowledge().problemsOpened());
      row(month, "knowledge", "problem investigations open at the month's end", "",
          report.knowledge().problemsOpenAtMonthEnd());
      for (Recurring article : report.knowledge().topArticles()) {
        row(month, "knowledge", "tickets solved by article", article.name(), article.tickets());
      }
    }
    report.medianStageMinutes().forEach((stage, minutes) -> row(month, "bottlenecks", "median clock minutes", stage,
        minutes));
    for (ReviewPages.Trend trend : page.trend()) {
      row(month, "trend", "opened", trend.month(), trend.opened());
      row(month, "trend", "closed", trend.month(), trend.closed());
    }
    if (page.outcome() != null) {
      row(month, "review", "held by", page.heldBy(), page.heldAt());
      row(month, "review", "findings", "", page.outcome().findings());
      for (ReviewOutcome.Action action : page.outcome().actions()) {
        row(month, "review", "action", action.ownerName() + ", due " + action.due(), action.action());
      }
    }
  }

  private void counts(String month, String section, MonthlyReport.Counts counts) {
    row(month, section, "tickets", "", counts.total());
    counts.byServiceType().forEach((type, count) -> row(month, section, "by service type", type, count));
    counts.byChannel().forEach((channel, count) -> row(month, section, "by channel", channel, count));
    counts.byPriority().forEach((priority, count) -> row(month, section, "by priority", priority, count));
  }

  private void row(String month, String section, String figure, String breakdown, Object value) {
    try {
      csv.printRecord(month, section, figure, TicketsCsv.cell(breakdown),
          value instanceof String text ? TicketsCsv.cell(text) : value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
