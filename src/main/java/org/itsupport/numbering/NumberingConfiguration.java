package org.itsupport.numbering;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.sql.SQLException;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Ticket numbers on two connections of their own to the application's database (the same URL and login as the
 * application's pool), and a sweep that explains the numbers a stopped application left unused.
 */
@Configuration
@EnableScheduling
public class NumberingConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(NumberingConfiguration.class);

  @Bean
  TicketNumbers ticketNumbers(DataSource application, JdbcTemplate ticketTransaction,
      @Value("${itsupport.time-zone}") ZoneId zone) throws SQLException {
    HikariDataSource database = application.unwrap(HikariDataSource.class);
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(database.getJdbcUrl());
    pool.setUsername(database.getUsername());
    pool.setPassword(database.getPassword());
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
