package org.itsupport.numbering;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out ticket numbers {@code YYYYMM-NNN}: a serial per month, counted in a table row.
 * Each number is taken in its own committed transaction, so concurrent starts wait on the row lock
 * and never share a number, and a start that later fails leaves a gap instead of reusing it.
 */
@Service
public class TicketNumbers {

  private static final DateTimeFormatter PERIOD = DateTimeFormatter.ofPattern("yyyyMM");

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final ZoneId zone;

  public TicketNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
      @Value("${itsupport.time-zone}") ZoneId zone) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.zone = zone;
  }

  /** The next number for the month that {@code submittedAt} falls in, in the configured time zone. */
  public String next(Instant submittedAt) {
    String period = YearMonth.from(submittedAt.atZone(zone)).format(PERIOD);
    Integer serial;
    try {
      serial = ownTransaction.execute(status -> increment(period));
    } catch (DuplicateKeyException anotherStartOpenedTheMonth) {
      // a concurrent start inserted the month's first row; ours was rolled back, the row exists now
      serial = ownTransaction.execute(status -> increment(period));
    }
    return "%s-%03d".formatted(period, serial);
  }

  private int increment(String period) {
    int updated = jdbc.update(
        "update ticket_number_counter set last_serial = last_serial + 1 where period = ?", period);
    if (updated == 0) {
      jdbc.update("insert into ticket_number_counter (period, last_serial) values (?, 1)", period);
      return 1;
    }
    // our update holds the row lock until commit, so this reads our own serial
    return jdbc.queryForObject(
        "select last_serial from ticket_number_counter where period = ?", Integer.class, period);
  }
}
