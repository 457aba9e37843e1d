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
 * The number is taken in the transaction that opens the ticket, on the same connection: concurrent starts
 * wait on the month's row lock and never share a number, and a start that fails gives its number back, so
 * the numbers have no gaps. (A transaction of its own needed a second connection while the first was held:
 * with as many concurrent starts as the pool has connections, every start waited for the pool until it
 * timed out.) The month's first row is inserted at a savepoint, so losing that race to a concurrent start
 * costs a retry, not the ticket.
 */
@Service
public class TicketNumbers {

  private static final DateTimeFormatter PERIOD = DateTimeFormatter.ofPattern("yyyyMM");

  private final JdbcTemplate jdbc;
  private final TransactionTemplate atSavepoint;
  private final ZoneId zone;

  public TicketNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
      @Value("${itsupport.time-zone}") ZoneId zone) {
    this.jdbc = jdbc;
    this.atSavepoint = new TransactionTemplate(transactionManager);
    this.atSavepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.zone = zone;
  }

  /** The next number for the month that {@code submittedAt} falls in, in the configured time zone. */
  public String next(Instant submittedAt) {
    String period = YearMonth.from(submittedAt.atZone(zone)).format(PERIOD);
    Integer serial = atSavepoint.execute(status -> increment(period));
    return "%s-%03d".formatted(period, serial);
  }

  private int increment(String period) {
    if (countUp(period) == 0) {
      try {
        atSavepoint.executeWithoutResult(status ->
            jdbc.update("insert into ticket_number_counter (period, last_serial) values (?, 1)", period));
        return 1;
      } catch (DuplicateKeyException anotherStartOpenedTheMonth) {
        // rolled back to the savepoint; the concurrent start's row exists now
        countUp(period);
      }
    }
    // our update holds the row lock until commit, so this reads our own serial
    return jdbc.queryForObject(
        "select last_serial from ticket_number_counter where period = ?", Integer.class, period);
  }

  private int countUp(String period) {
    return jdbc.update("update ticket_number_counter set last_serial = last_serial + 1 where period = ?", period);
  }
}
