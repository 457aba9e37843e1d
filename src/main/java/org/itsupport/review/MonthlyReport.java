package org.itsupport.review;

import java.util.List;
import java.util.Map;

/**
 * The figures of one month's service review (README, The monthly service review, defines each one). "Opened"
 * counts the tickets submitted in the month, "closed" those closed in it; the rates and times are of the closed
 * ones. Months are calendar months in the business calendar's zone. Percentages have one decimal; times are
 * minutes (business minutes for the SLA times, clock minutes for the stages).
 */
public record MonthlyReport(String month, Counts opened, Counts closed, Double highPriorityShare,
    Double firstLineResolutionRate, Double reopenRate, Map<String, SlaCompliance> slaByPriority,
    Map<String, Times> timesByPriority, Map<String, Resolution> resolutionByServiceType, Satisfaction satisfaction,
    Map<Integer, Long> escalationsByLevel, List<Recurring> recurringSystems, List<Recurring> repeatRequesters,
    Map<String, Double> medianStageMinutes, Knowledge knowledge) {

  /** Tickets in total and by service type, channel and priority. */
  public record Counts(long total, Map<String, Long> byServiceType, Map<String, Long> byChannel,
      Map<String, Long> byPriority) {
  }

  /** Of the tickets closed: how many kept each SLA. */
  public record SlaCompliance(long closed, long responseMet, long resolutionMet, Double responsePercent,
      Double resolutionPercent) {
  }

  /** Business minutes to the first response and to the resolution: mean and median. */
  public record Times(Double meanToFirstResponse, Double medianToFirstResponse, Double meanToResolution,
      Double medianToResolution) {
  }

  /** Of the tickets closed: how many the requester confirmed as fixed, against the standard's target. */
  public record Resolution(long closed, long confirmed, Double percent, Double targetPercent, Boolean meetsTarget) {
  }

  /** The survey: mean score per dimension against the target, how many rated, low ratings and their follow-up. */
  public record Satisfaction(long rated, Map<String, Double> meanByDimension, double target,
      Map<String, Boolean> meetsTarget, long lowRatings, long lowRatingsFollowedUp) {
  }

  /**
   * The knowledge base at first line, of the tickets closed: those solved at first line (and not reopened), how
   * many of them with an article, and the articles that solved most tickets; and the problem investigations of
   * recurring tickets opened in the month, and open at its end.
   */
  public record Knowledge(long solvedAtFirstLine, long withArticle, Double articleSharePercent,
      List<Recurring> topArticles, long problemsOpened, long problemsOpenAtMonthEnd) {
  }

  /** An affected system or a requester with more than one ticket opened in the month. */
  public record Recurring(String name, long tickets) {
  }
}
