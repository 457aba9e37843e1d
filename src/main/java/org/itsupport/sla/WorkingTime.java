package org.itsupport.sla;

import java.util.Date;
import org.itsupport.shared.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Due dates of waits that are not SLA clocks (the requester verifying or rating, a manager following up), on the
 * business calendar: {@code ${workingTime.after('P2D')}} is two working days from now, {@code PT1H} one working hour.
 */
@Component("workingTime")
public class WorkingTime {

  private final SlaClock businessHours;

  public WorkingTime(BusinessCalendar calendar) {
    this.businessHours = new SlaClock.BusinessHours(calendar);
  }

  public Date after(String iso) {
    SlaTarget wait = SlaTarget.parse("wait", iso);
    return Date.from(businessHours.plus(EngineClock.now(), businessHours.lengthOf(wait)));
  }
}
