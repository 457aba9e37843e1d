package org.itsupport.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.itsupport.model.ServiceReviewProcess;
import org.itsupport.shared.EngineClock;
import org.itsupport.shared.RepeatingTimers;
import org.itsupport.sla.BusinessCalendar;
import org.springframework.stereotype.Component;

/**
 * When the monthly service review starts: at the start of the business day, on the first working day of each
 * month (the business calendar's working days and holidays, in its zone). The schedule's timer start event
 * repeats with the cycle {@code ${reviewSchedule.cycle()}}, which the engine works out again each time it fires
 * (reevaluateTimeCycleWhenDue): its first date is the next such day, its period never applies. The timer is one
 * job of the engine, so however many nodes run, one of them starts the review, once. (Camunda 7 allows no timer
 * start event beside the none start event a manager starts the review with, hence a schedule of its own.)
 */
@Component("reviewSchedule")
public class ReviewSchedule {

  private final BusinessCalendar calendar;

  public ReviewSchedule(BusinessCalendar calendar) {
    this.calendar = calendar;
  }

  public String cycle() {
    return RepeatingTimers.nextAt(next(EngineClock.now()));
  }

  /** The first start of a business day on a month's first working day that is after the instant. */
  Instant next(Instant after) {
    YearMonth month = YearMonth.from(after.atZone(calendar.zone()));
    for (int i = 0; i < 3; i++, month = month.plusMonths(1)) {
      Instant start = firstWorkingDay(month).atTime(calendar.workStart()).atZone(calendar.zone()).toInstant();
      if (start.isAfter(after)) {
        return start;
      }
    }
    throw new IllegalStateException("No working day in the next three months");
  }

  /** Starts the review of the month before, as the process (no user), in the schedule's transaction. */
  public void startReview(DelegateExecution execution) {
    execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(ServiceReviewProcess.KEY,
        Map.of(ServiceReviewProcess.REVIEW_MONTH, previousMonth()));
  }

  /** The month a review started at this moment is about: the one before. */
  public String previousMonth() {
    return YearMonth.from(EngineClock.now().atZone(calendar.zone())).minusMonths(1).toString();
  }

  private LocalDate firstWorkingDay(YearMonth month) {
    LocalDate day = month.atDay(1);
    while (!calendar.isWorkingDay(day)) {
      day = day.plusDays(1);
    }
    return day;
  }
}
