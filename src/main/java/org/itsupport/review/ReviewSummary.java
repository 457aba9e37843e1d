package org.itsupport.review;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.itsupport.review.MonthlyReport.Recurring;
import org.itsupport.review.MonthlyReport.Resolution;

/**
 * The report's figures as the review task shows them: Markdown for the form's text view, short enough for a
 * String variable (the lists are cut to their first five). The page in Cockpit has the charts and the trend.
 */
final class ReviewSummary {

  private static final int LONGEST = 3900;
  private static final int LISTED = 5;

  private ReviewSummary() {
  }

  static String of(MonthlyReport report) {
    StringBuilder text = new StringBuilder();
    MonthlyReport.Counts opened = report.opened();
    text.append("**Tickets:** ").append(opened.total()).append(" opened, ").append(report.closed().total())
        .append(" closed · **P1/P2:** ").append(percent(report.highPriorityShare())).append(" of those opened")
        .append(" · **Solved at first line:** ").append(percent(report.firstLineResolutionRate()))
        .append(" · **Reopened:** ").append(percent(report.reopenRate())).append("\n\n");

    heading(text, "SLA compliance of the tickets closed");
    report.slaByPriority().forEach((priority, sla) -> line(text, priority + ": response "
        + percent(sla.responsePercent()) + ", resolution " + percent(sla.resolutionPercent()) + " of "
        + sla.closed()));
    none(text, report.slaByPriority());

    heading(text, "Resolution rate against the standards' targets");
    report.resolutionByServiceType().forEach((type, resolution) -> line(text, escape(type) + ": "
        + percent(resolution.percent()) + " of " + resolution.closed() + target(resolution)));
    none(text, report.resolutionByServiceType());

    heading(text, "Satisfaction (" + report.satisfaction().rated() + " rated, target "
        + report.satisfaction().target() + " of 5)");
    report.satisfaction().meanByDimension().forEach((dimension, mean) -> line(text, dimension + ": "
        + (mean == null ? "—" : mean) + (Boolean.FALSE.equals(report.satisfaction().meetsTarget().get(dimension))
        ? " **below target**" : "")));
    line(text, "Low ratings: " + report.satisfaction().lowRatings() + ", followed up: "
        + report.satisfaction().lowRatingsFollowedUp());

    heading(text, "Escalations");
    report.escalationsByLevel().forEach((level, count) -> line(text, "Level " + level + ": " + count));
    none(text, report.escalationsByLevel());

    heading(text, "Frequent problems");
    recurring(text, "Affected system", report.recurringSystems());
    recurring(text, "Requester", report.repeatRequesters());
    if (report.recurringSystems().isEmpty() && report.repeatRequesters().isEmpty()) {
      line(text, "Nothing recurred.");
    }

    MonthlyReport.Knowledge knowledge = report.knowledge();
    if (knowledge != null) {
      heading(text, "Knowledge base at first line");
      line(text, "Solved at first line with an article: " + knowledge.withArticle() + " of "
          + knowledge.solvedAtFirstLine() + " (" + percent(knowledge.articleSharePercent()) + ")");
      knowledge.topArticles().forEach(article -> line(text, escape(article.name()) + ": " + article.tickets()
          + " tickets"));
      line(text, "Problem investigations of recurring tickets: " + knowledge.problemsOpened() + " opened, "
          + knowledge.problemsOpenAtMonthEnd() + " open at the month's end");
    }

    heading(text, "Bottlenecks: median time per stage");
    report.medianStageMinutes().forEach((stage, minutes) -> line(text, stage + ": " + minutes(minutes)));
    return text.length() <= LONGEST ? text.toString() : text.substring(0, LONGEST) + "…";
  }

  /** February 2025. */
  static String monthName(YearMonth month) {
    return month.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH));
  }

  private static void heading(StringBuilder text, String heading) {
    text.append("\n#### ").append(heading).append('\n');
  }

  private static void line(StringBuilder text, String line) {
    text.append("- ").append(line).append('\n');
  }

  private static void none(StringBuilder text, Map<?, ?> figures) {
    if (figures.isEmpty()) {
      line(text, "None this month.");
    }
  }

  private static void recurring(StringBuilder text, String what, List<Recurring> recurring) {
    recurring.stream().limit(LISTED).forEach(item -> line(text, what + " " + escape(item.name()) + ": "
        + item.tickets() + " tickets"));
    if (recurring.size() > LISTED) {
      line(text, "and " + (recurring.size() - LISTED) + " more " + what.toLowerCase(Locale.ENGLISH) + "s");
    }
  }

  private static String target(Resolution resolution) {
    if (resolution.targetPercent() == null) {
      return "";
    }
    return " (target " + resolution.targetPercent() + " %" + (resolution.meetsTarget() ? ")" : ", **below target**)");
  }

  private static String percent(Double percent) {
    return percent == null ? "—" : percent + " %";
  }

  private static String minutes(Double minutes) {
    if (minutes == null) {
      return "—";
    }
    long whole = Math.round(minutes);
    return whole < 60 ? whole + " min" : whole / 60 + " h " + whole % 60 + " min";
  }

  /** Text from tickets shows as written, not as Markdown. */
  static String escape(String text) {
    return text.replaceAll("\\s+", " ").replaceAll("([\\\\`*_{}\\[\\]()#+\\-.!|<>~])", "\\\\$1");
  }
}
