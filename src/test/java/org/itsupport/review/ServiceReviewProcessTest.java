package org.itsupport.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.itsupport.model.ServiceReviewProcess.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.itsupport.ApplicationTest;
import org.itsupport.identity.Roles;
import org.itsupport.sla.BusinessCalendar;
import org.itsupport.ticket.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The monthly service review as the service managers get it: started by its timer on the first working day of
 * each month (engine clock), or by a manager for a past month; held in Tasklist; its outcome kept once.
 */
@ApplicationTest
class ServiceReviewProcessTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  BusinessCalendar calendar;
  @Autowired
  ServiceReviews reviews;

  @AfterEach
  void signOutAndResetTheClock() {
    engine.getIdentityService().clearAuthentication();
    ClockUtil.reset();
  }

  @Test
  void theTimer_startsOneReviewAMonth_at0900OnItsFirstWorkingDay_aboutTheMonthBefore() {
    for (int month = 0; month < 3; month++) {
      Job timer = theTimer();
      ZonedDateTime due = timer.getDuedate().toInstant().atZone(calendar.zone());
      assertThat(due.toLocalTime()).isEqualTo(calendar.workStart());
      LocalDate firstWorkingDay = due.toLocalDate().withDayOfMonth(1);
      while (!calendar.isWorkingDay(firstWorkingDay)) {
        firstWorkingDay = firstWorkingDay.plusDays(1);
      }
      assertThat(due.toLocalDate()).isEqualTo(firstWorkingDay);

      ClockUtil.setCurrentTime(timer.getDuedate());
      engine.getManagementService().executeJob(timer.getId());

      String reviewed = YearMonth.from(due).minusMonths(1).toString();
      List<ProcessInstance> started = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
          .processInstanceBusinessKey(reviewed).list();
      assertThat(started).as("reviews of %s", reviewed).hasSize(1);
      Task task = engine.getTaskService().createTaskQuery().processInstanceId(started.get(0).getId()).singleResult();
      assertThat(task.getTaskDefinitionKey()).isEqualTo(HOLD_REVIEW);
      assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
          .anyMatch(link -> Roles.SERVICE_MANAGERS.equals(link.getGroupId()));
      assertThat(task.getDueDate().toInstant()).isEqualTo(calendar.plusWorkingTime(due.toInstant(),
          calendar.workingDayLength().multipliedBy(5)));

      Job next = theTimer();
      assertThat(next.getId()).isNotEqualTo(timer.getId());
      assertThat(YearMonth.from(next.getDuedate().toInstant().atZone(calendar.zone())))
          .isEqualTo(YearMonth.from(due).plusMonths(1));
      engine.getRuntimeService().deleteProcessInstance(started.get(0).getId(), "test over");
    }
  }

  @Test
  void aManager_reviewsAPastMonth_andTheOutcomeIsKeptOnce() {
    asMia();
    ProcessInstance review = start(Map.of(REVIEW_MONTH, "2024-11"));
    assertThat(review.getBusinessKey()).isEqualTo("2024-11");
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(review.getId()).singleResult();
    assertThat((String) engine.getTaskService().getVariable(task.getId(), REVIEW_SUMMARY))
        .contains("**Tickets:** 0 opened, 0 closed", "#### Bottlenecks");
    assertThatThrownBy(() -> start(Map.of(REVIEW_MONTH, "2024-11")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("is open already");

    engine.getTaskService().claim(task.getId(), "mia");
    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(), Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("reviewFindings: is required", "action1: is required", "action1Owner: is required");
    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(), outcome(Map.of(action(2), "",
        actionOwner(2), "hank"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("action2: is required when an owner or a due date is given");
    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(), outcome(Map.of(actionOwner(1), "eve"))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'eve' is not one of the staff");
    assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(), outcome(Map.of(actionDue(1),
        "2020-01-31")))).isInstanceOf(InvalidInputException.class).hasMessageContaining("lies in the past");

    engine.getTaskService().complete(task.getId(), outcome(Map.of(action(2), "Spare laptops for the desk",
        actionOwner(2), "hank", actionDue(2), LocalDate.now().plusDays(30).toString())));

    HistoricProcessInstance ended = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(review.getId()).singleResult();
    assertThat(ended.getEndActivityId()).isEqualTo("EndEvent_ReviewHeld");
    ServiceReviews.Review kept = reviews.kept(YearMonth.of(2024, 11)).orElseThrow();
    assertThat(kept.heldBy()).isEqualTo("mia");
    assertThat(kept.outcome().findings()).isEqualTo("Printers again");
    assertThat(kept.outcome().actions()).extracting(ReviewOutcome.Action::action, ReviewOutcome.Action::owner,
        ReviewOutcome.Action::ownerName).containsExactly(
            org.assertj.core.groups.Tuple.tuple("Replace the floor 3 printer", "mia", "Mia Manager (mia)"),
            org.assertj.core.groups.Tuple.tuple("Spare laptops for the desk", "hank", "Hank Hardware (hank)"));
    assertThatThrownBy(() -> start(Map.of(REVIEW_MONTH, "2024-11")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("was held already, by mia");

    engine.getIdentityService().clearAuthentication(); // as the timer starts it: the held month ends at once
    String timerLike = engine.getRuntimeService().startProcessInstanceByKey(KEY, Map.of(REVIEW_MONTH, "2024-11"))
        .getId();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(timerLike)
        .singleResult().getEndActivityId()).isEqualTo("EndEvent_ReviewedAlready");
  }

  @Test
  void aMonthNotOver_notAMonth_orOtherVariables_areRefused() {
    asMia();
    String current = YearMonth.now(calendar.zone()).toString();
    assertThatThrownBy(() -> start(Map.of(REVIEW_MONTH, current))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("reviewMonth: " + current + " has not ended yet");
    assertThatThrownBy(() -> start(Map.of(REVIEW_MONTH, "2025-13"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("reviewMonth: '2025-13' is not a month such as");
    assertThatThrownBy(() -> start(Map.of())).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("reviewMonth: is required");
    assertThatThrownBy(() -> start(Map.of(REVIEW_MONTH, "2024-10", REVIEWED_ALREADY, true)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("reviewedAlready: is not a field of this form");
  }

  private Job theTimer() {
    List<Job> timers = engine.getManagementService().createJobQuery().processDefinitionKey(SCHEDULE_KEY).timers().list();
    assertThat(timers).as("the review's timer jobs").hasSize(1);
    assertThat(timers.get(0).getProcessInstanceId()).isNull();
    return timers.get(0);
  }

  private void asMia() {
    engine.getIdentityService().setAuthentication("mia", List.of(Roles.SERVICE_MANAGERS));
  }

  private ProcessInstance start(Map<String, Object> fields) {
    String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
        .latestVersion().singleResult().getId();
    return engine.getFormService().submitStartForm(definition, new HashMap<>(fields));
  }

  private static Map<String, Object> outcome(Map<String, Object> changes) {
    Map<String, Object> outcome = new HashMap<>(Map.of(REVIEW_FINDINGS, "Printers again",
        action(1), "Replace the floor 3 printer", actionOwner(1), "mia",
        actionDue(1), LocalDate.now().plusDays(14).toString()));
    outcome.putAll(changes);
    return outcome;
  }

}
