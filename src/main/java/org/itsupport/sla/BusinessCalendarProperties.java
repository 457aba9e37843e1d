package org.itsupport.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The business calendar as configured under {@code itsupport.business-calendar}: time zone, working
 * days, opening and closing time (local wall time) and the holidays, each year listed by hand.
 */
@ConfigurationProperties("itsupport.business-calendar")
public record BusinessCalendarProperties(ZoneId timeZone, List<DayOfWeek> workingDays, LocalTime workStart,
    LocalTime workEnd, List<LocalDate> holidays) {
}
