package org.itsupport.numbering;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Ticket numbers on two connections of their own to the application's database (the same
 * {@code spring.datasource.*}), and a sweep that explains the numbers a stopped application left unused.
 */
@Configuration
@EnableScheduling
public class NumberingConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(NumberingConfiguration.class);

  @Bean
  TicketNumbers ticketNumbers(DataSourceProperties database, JdbcTemplate ticketTransaction,
      @Value("${itsupport.time-zone}") ZoneId zone) {
    HikariDataSource pool = database.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    pool.setPoolName("ticket-numbers");
    pool.setMaximumPoolSize(2);
    pool.setMinimumIdle(1);
    return new TicketNumbers(pool, ticketTransaction, zone, Clock.systemUTC());
  }

  @Bean
  Sweep ticketNumberSweep(TicketNumbers numbers) {
    return new Sweep(numbers);
  }

  /** Every minute; on every node of a cluster alike (voiding a number twice changes nothing). */
  static class Sweep {

    private final TicketNumbers numbers;

    Sweep(TicketNumbers numbers) {
      this.numbers = numbers;
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 10_000)
    void voidInterrupted() {
      int voided = numbers.voidInterrupted();
      if (voided > 0) {
        LOG.warn("Voided {} ticket number(s) whose ticket was never opened: the application stopped while "
            + "opening them (see table ticket_number)", voided);
      }
    }
  }
}
