package org.itsupport.sla;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The business calendar SLA deadlines count on, from {@code itsupport.business-calendar}. */
@Configuration
@EnableConfigurationProperties(BusinessCalendarProperties.class)
public class SlaConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(SlaConfiguration.class);
  private static final String PREFIX = "itsupport.business-calendar.";

  @Bean
  BusinessCalendar businessCalendar(BusinessCalendarProperties properties) {
    BusinessCalendar calendar = new BusinessCalendar(
        required(properties.timeZone(), "time-zone"),
        Set.copyOf(required(properties.workingDays(), "working-days")),
        required(properties.workStart(), "work-start"),
        required(properties.workEnd(), "work-end"),
        properties.holidays() == null ? Set.of() : Set.copyOf(properties.holidays()));

    // bank holidays are announced year by year; a year without them silently counts them as working days
    LocalDate today = LocalDate.now(Clock.systemUTC().withZone(calendar.zone()));
    List<Integer> missing = yearsWithoutHolidays(calendar.holidays(), today);
    if (!missing.isEmpty()) {
      LOG.warn("The business calendar lists no holidays in {}: add them to {}holidays, or the business-hours "
          + "SLA clock counts bank holidays as working days.",
          missing.stream().map(String::valueOf).collect(Collectors.joining(" and ")), PREFIX);
    }
    return calendar;
  }

  /** This year and next year, each unless the holidays include a date in it. */
  static List<Integer> yearsWithoutHolidays(Collection<LocalDate> holidays, LocalDate today) {
    Set<Integer> covered = holidays.stream().map(LocalDate::getYear).collect(Collectors.toSet());
    return Stream.of(today.getYear(), today.getYear() + 1).filter(year -> !covered.contains(year)).toList();
  }

  private static <T> T required(T value, String property) {
    if (value == null || value instanceof Collection<?> list && list.isEmpty()) {
      throw new IllegalStateException(PREFIX + property + " is not set");
    }
    return value;
  }
}
