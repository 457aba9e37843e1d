package org.itsupport.numbering;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out ticket numbers {@code YYYYMM-NNN}: a serial per month, never the same number twice.
 * <p>
 * A number is taken in a short transaction of its own, so the month's counter row is locked for a moment, not
 * for the whole opening of a ticket: concurrent intakes run side by side. The transaction that opens the ticket
 * then marks the number opened. If that transaction does not commit (a technical failure, or the application
 * stops half-way), the number stays unused and is voided with the reason, in the ledger {@code ticket_number}:
 * a month's numbers may have gaps, and every gap is explained there (README, Ticket numbers).
 * <p>
 * Numbers are taken on a small pool of connections of their own: taken on the engine's pool while the
 * opening transaction holds one of its connections, a burst of intakes as large as the pool would wait for
 * connections that only they hold.
 */
public class TicketNumbers implements AutoCloseable {

  private static final DateTimeFormatter PERIOD = DateTimeFormatter.ofPattern("yyyyMM");
  /** A start that has not committed after this long never will: no transaction of the engine lasts that long. */
  static final Duration INTERRUPTED_AFTER = Duration.ofMinutes(5);

  private final DataSource numberingPool;
  private final JdbcTemplate numbering;
  private final TransactionTemplate ownTransaction;
  private final JdbcTemplate ticketTransaction;
  private final ZoneId zone;
  private final Clock clock;

  /**
   * @param numberingPool connections for taking and voiding numbers, closed with this
   * @param ticketTransaction the database as seen by the transaction that opens a ticket
   * @param zone the time zone that decides a number's month
   */
  public TicketNumbers(DataSource numberingPool, JdbcTemplate ticketTransaction, ZoneId zone, Clock clock) {
    this.numberingPool = numberingPool;
    this.numbering = new JdbcTemplate(numberingPool);
    this.ownTransaction = new TransactionTemplate(new DataSourceTransactionManager(numberingPool));
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.ticketTransaction = ticketTransaction;
    this.zone = zone;
    this.clock = clock;
  }

  /** A number taken for a ticket about to be opened. */
  public final class Taken {

    private final String number;
    private volatile String failure;

    private Taken(String number) {
      this.number = number;
    }

    public String number() {
      return number;
    }

    /**
     * Records, in the transaction that opens the ticket, that the number is this ticket's. Should that
     * transaction roll back, the number is voided right after, with the reason given to {@link #failedBecause}.
     */
    public void openedAs(String processInstanceId) {
      if (!TransactionSynchronizationManager.isSynchronizationActive()) {
        throw new IllegalStateException("A ticket number is opened in the transaction that opens the ticket");
      }
      int marked = ticketTransaction.update("update ticket_number set state = 'opened', process_instance_id = ? "
          + "where ticket_number = ? and state = 'taken'", processInstanceId, number);
      if (marked != 1) {
        throw new IllegalStateException("Ticket number " + number + " is no longer free to open a ticket with");
      }
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          // on STATUS_UNKNOWN the commit may have happened: the sweep looks at the ledger later
          if (status == STATUS_ROLLED_BACK) {
            voidNumber(number, "The ticket was not opened: its transaction was rolled back"
                + (failure == null ? "" : " after " + failure));
          }
        }
      });
    }

    /** What went wrong while the ticket was being opened, for the ledger. */
    public void failedBecause(Throwable cause) {
      failure = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
  }

  /** Takes the next number of the month that {@code submittedAt} falls in, in the configured time zone. */
  public Taken take(Instant submittedAt) {
    String period = YearMonth.from(submittedAt.atZone(zone)).format(PERIOD);
    for (int attempt = 1; ; attempt++) {
      try {
        return new Taken(ownTransaction.execute(status -> takeIn(period)));
      } catch (DuplicateKeyException anotherIntakeOpenedTheMonth) {
        // both found no row for a new month and inserted it: the other one's row exists now
        if (attempt == 3) {
          throw anotherIntakeOpenedTheMonth;
        }
      }
    }
  }

  private String takeIn(String period) {
    // no need to wait for the disk here: the ticket's own commit comes later in the write-ahead log, and
    // PostgreSQL writing it writes this one too; a number whose ticket never committed may be handed out again
    numbering.execute("set local synchronous_commit to off");
    int serial;
    if (numbering.update("update ticket_number_counter set last_serial = last_serial + 1 where period = ?",
        period) == 1) {
      // the update holds the row lock until this transaction commits, so this reads our own serial
      serial = numbering.queryForObject("select last_serial from ticket_number_counter where period = ?",
          Integer.class, period);
    } else {
      numbering.update("insert into ticket_number_counter (period, last_serial) values (?, 1)", period);
      serial = 1;
    }
    String number = "%s-%03d".formatted(period, serial);
    numbering.update("insert into ticket_number (ticket_number, period, serial, state, taken_at) "
        + "values (?, ?, ?, 'taken', ?)", number, period, serial, Timestamp.from(clock.instant()));
    return number;
  }

  /**
   * Voids the numbers whose ticket never committed although they were taken long ago: the application stopped
   * while opening them. Returns how many.
   */
  public int voidInterrupted() {
    Instant now = clock.instant();
    return ownTransaction.execute(status -> numbering.update("update ticket_number set state = 'voided', "
            + "voided_at = ?, void_reason = ? where state = 'taken' and taken_at < ?", Timestamp.from(now),
        "The ticket was not opened: the application stopped before its transaction committed",
        Timestamp.from(now.minus(INTERRUPTED_AFTER))));
  }

  private void voidNumber(String number, String reason) {
    ownTransaction.executeWithoutResult(status -> numbering.update("update ticket_number set state = 'voided', "
            + "voided_at = ?, void_reason = ? where ticket_number = ? and state = 'taken'",
        Timestamp.from(clock.instant()), reason.length() > 2000 ? reason.substring(0, 2000) : reason, number));
  }

  @Override
  public void close() throws Exception {
    if (numberingPool instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}
