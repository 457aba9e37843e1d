package org.itsupport.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.itsupport.ApplicationTest;
import org.itsupport.knowledge.Articles;
import org.itsupport.review.MonthlyReport.Recurring;
import org.itsupport.review.MonthlyReport.Resolution;
import org.itsupport.review.MonthlyReport.SlaCompliance;
import org.itsupport.review.MonthlyReport.Times;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The review's figures for the fixture month ({@link FixtureMonth}: six tickets in February 2025 sent through the
 * real process on the engine clock), each figure worked out by hand from the fixture's steps.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthlyReportCalculatorTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  Articles articles;

  MonthlyReport report;

  @BeforeAll
  void workTheFixtureMonth() {
    FixtureMonth.ensure(engine, articles);
    report = new MonthlyReportCalculator(engine.getHistoryService(), ZoneId.of("Europe/London"))
        .calculate(FixtureMonth.MONTH);
  }

  @AfterAll
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void openedAndClosed_byServiceTypeChannelAndPriority() {
    assertThat(report.month()).isEqualTo("2025-02");
    assertThat(report.opened().total()).isEqualTo(6);
    assertThat(report.opened().byServiceType()).containsExactlyInAnyOrderEntriesOf(
        Map.of("hardware", 3L, "software", 2L, "network", 1L));
    assertThat(report.opened().byChannel()).containsExactlyInAnyOrderEntriesOf(
        Map.of("portal", 3L, "email", 1L, "phone", 1L, "chat", 1L));
    assertThat(report.opened().byPriority()).containsExactlyInAnyOrderEntriesOf(
        Map.of("P2", 1L, "P3", 4L, "P4", 1L));
    assertThat(report.closed().total()).isEqualTo(5);
    assertThat(report.closed().byServiceType()).containsExactlyInAnyOrderEntriesOf(
        Map.of("hardware", 3L, "software", 1L, "network", 1L));
    assertThat(report.closed().byChannel()).containsExactlyInAnyOrderEntriesOf(
        Map.of("portal", 3L, "email", 1L, "phone", 1L));
    assertThat(report.closed().byPriority()).containsExactlyInAnyOrderEntriesOf(Map.of("P2", 1L, "P3", 4L));
  }

  @Test
  void shares_firstLineResolution_andReopens() {
    assertThat(report.highPriorityShare()).isEqualTo(16.7); // 1 of 6 opened is P1 or P2
    assertThat(report.firstLineResolutionRate()).isEqualTo(40.0); // T1, T5 of 5 closed
    assertThat(report.reopenRate()).isEqualTo(20.0); // T3 of 5
  }

  @Test
  void slaCompliance_andBusinessMinutes_perPriority() {
    assertThat(report.slaByPriority()).containsExactly(
        Map.entry("P2", new SlaCompliance(1, 0, 1, 0.0, 100.0)), // T4: 20 min against 15
        Map.entry("P3", new SlaCompliance(4, 4, 4, 100.0, 100.0)));
    // P3 first response: T1 10, T2 20, T3 5, T5 20 (80 min less the hour paused); resolution: 10, 140,
    // T3 330 (09:00 to 15:00 less the half hour between the first fix and the reopen), 20
    assertThat(report.timesByPriority()).containsExactly(
        Map.entry("P2", new Times(20.0, 20.0, 120.0, 120.0)),
        Map.entry("P3", new Times(13.8, 15.0, 125.0, 80.0)));
  }

  @Test
  void resolutionRates_againstTheStandardsTargets() {
    assertThat(report.resolutionByServiceType()).containsExactly(
        Map.entry("hardware", new Resolution(3, 3, 100.0, 95.0, true)),
        Map.entry("network", new Resolution(1, 1, 100.0, 96.0, true)),
        Map.entry("software", new Resolution(1, 1, 100.0, 98.0, true)));
  }

  @Test
  void satisfaction_perDimension_againstFourAndAHalf() {
    assertThat(report.satisfaction().rated()).isEqualTo(4); // T4 skipped the survey
    assertThat(report.satisfaction().meanByDimension()).containsExactly(
        Map.entry("response speed", 4.0), Map.entry("efficiency", 4.3), Map.entry("attitude", 4.3),
        Map.entry("expertise", 4.5));
    assertThat(report.satisfaction().meetsTarget()).containsExactly(
        Map.entry("response speed", false), Map.entry("efficiency", false), Map.entry("attitude", false),
        Map.entry("expertise", true));
    assertThat(report.satisfaction().lowRatings()).isEqualTo(1);
    assertThat(report.satisfaction().lowRatingsFollowedUp()).isEqualTo(1);
  }

  @Test
  void escalations_byLevel() {
    assertThat(report.escalationsByLevel()).containsExactly(Map.entry(1, 1L), Map.entry(2, 1L)); // T4
  }

  @Test
  void frequentProblems_recurringSystems_andRepeatRequesters() {
    assertThat(report.recurringSystems()).containsExactly(new Recurring("LT-0042", 2));
    assertThat(report.repeatRequesters()).containsExactly(new Recurring("Alice Archer", 5));
  }

  @Test
  void knowledgeBase_shareOfFirstLineResolutionsWithAnArticle_andTheArticlesThatSolvedMost() {
    assertThat(report.knowledge().solvedAtFirstLine()).isEqualTo(2); // T1, T5
    assertThat(report.knowledge().withArticle()).isEqualTo(1); // T5
    assertThat(report.knowledge().articleSharePercent()).isEqualTo(50.0);
    // no ticket of February 2025 recurred enough: no investigation (ProblemManagementTest's are in March)
    assertThat(report.knowledge().problemsOpened()).isZero();
    assertThat(report.knowledge().problemsOpenAtMonthEnd()).isZero();
    assertThat(report.knowledge().topArticles()).singleElement().satisfies(article -> {
      assertThat(article.name()).startsWith("KB-");
      assertThat(article.tickets()).isEqualTo(1);
    });
  }

  @Test
  void bottlenecks_medianMinutesPerStage() {
    assertThat(report.medianStageMinutes()).containsExactly(
        Map.entry("waiting at first line", 20.0), // 10, 20, 5, 20, 20 (T5: 10 + 10 around the question)
        Map.entry("with the specialists", 60.0), // T2 60, T3 55 + 30 + 60, T4 40
        Map.entry("waiting for approval", 60.0), // T3 30 + 30
        Map.entry("waiting for the requester", 60.0), // T5
        Map.entry("in execution", 60.0), // T2 60, T3 60 + 60, T4 60
        Map.entry("waiting for verification", 30.0)); // T1 20, T2 40, T3 30 + 30, T4 30, T5 10
  }
}
