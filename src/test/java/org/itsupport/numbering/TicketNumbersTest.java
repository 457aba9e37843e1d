package org.itsupport.numbering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.itsupport.database.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Ticket numbers on a real database, as intakes take them. */
class TicketNumbersTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final Instant MAY = Instant.parse("2024-05-15T10:00:00Z");

  final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T09:00:00Z"));
  final List<AutoCloseable> toClose = new ArrayList<>();
  DataSource unpooled;
  HikariDataSource database;
  TicketNumbers numbers;

  @BeforeEach
  void setUp() {
    unpooled = TestDatabase.withProductTables();
    database = pool(unpooled, 8);
    numbers = numbers(database);
  }

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable closeable : toClose) {
      closeable.close();
    }
  }

  @Test
  void numbersCountUpWithinAMonthAndRestartInTheNext() {
    assertThat(numbers.take(Instant.parse("2024-05-02T10:00:00Z")).number()).isEqualTo("202405-001");
    assertThat(numbers.take(Instant.parse("2024-05-31T16:00:00Z")).number()).isEqualTo("202405-002");
    assertThat(numbers.take(Instant.parse("2024-06-01T08:00:00Z")).number()).isEqualTo("202406-001");
    assertThat(numbers.take(Instant.parse("2024-05-31T17:00:00Z")).number()).isEqualTo("202405-003");
  }

  @Test
  void theMonthIsTheConfiguredTimeZones() {
    // 23:30 UTC on 30 June is already 1 July in London (BST, UTC+1)
    assertThat(numbers.take(Instant.parse("2024-06-30T23:30:00Z")).number()).isEqualTo("202407-001");
  }

  @Test
  void theSerialGrowsPastThreeDigits() {
    new JdbcTemplate(database).update("insert into ticket_number_counter values ('202405', 999)");
    assertThat(numbers.take(MAY).number()).isEqualTo("202405-1000");
  }

  /** A new month: the first intakes also race to insert its counter row (8 at once failed with 7 × 500). */
  @Test
  void concurrentIntakesOfANewMonth_neverShareANumber() throws Exception {
    List<Callable<String>> intakes = new ArrayList<>();
    IntStream.range(0, 200).forEach(i -> intakes.add(() -> opened(numbers, database, "instance-" + i)));

    assertThat(runConcurrently(8, intakes)).containsExactlyInAnyOrderElementsOf(serials("202405", 200));
    assertThat(ledger("opened")).isEqualTo(200);
  }

  /** Numbers come from two connections of their own, so intakes holding every connection of theirs still get one. */
  @Test
  void intakesHoldingEveryConnectionOfTheEnginesPool_allGetANumber() throws Exception {
    HikariDataSource enginePool = pool(unpooled, 4);
    TicketNumbers pooled = numbers(enginePool);
    List<Callable<String>> intakes = new ArrayList<>();
    IntStream.range(0, 40).forEach(i -> intakes.add(() -> opened(pooled, enginePool, "instance-" + i)));

    assertThat(runConcurrently(4, intakes)).containsExactlyInAnyOrderElementsOf(serials("202405", 40));
  }

  /** The month's counter is not locked while a ticket is being opened: the next intake does not wait for it. */
  @Test
  void anIntakeStillOpeningItsTicket_doesNotHoldUpTheNext() throws Exception {
    CountDownLatch numbered = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    ExecutorService slowIntake = Executors.newSingleThreadExecutor();
    try {
      Future<String> slow = slowIntake.submit(() -> transaction(database).execute(status -> {
        TicketNumbers.Taken taken = numbers.take(MAY);
        taken.openedAs("slow-instance");
        numbered.countDown();
        await(finish);
        return taken.number();
      }));
      assertThat(numbered.await(10, TimeUnit.SECONDS)).isTrue();

      ExecutorService next = Executors.newSingleThreadExecutor();
      try {
        assertThat(next.submit(() -> opened(numbers, database, "next-instance")).get(10, TimeUnit.SECONDS))
            .isEqualTo("202405-002");
      } finally {
        next.shutdownNow();
      }
      finish.countDown();
      assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("202405-001");
    } finally {
      finish.countDown();
      slowIntake.shutdownNow();
    }
  }

  @Test
  void aTicketWhoseTransactionRollsBack_voidsItsNumberWithTheReason_andTheNumberIsNeverGivenAgain() {
    assertThatThrownBy(() -> transaction(database).executeWithoutResult(status -> {
      TicketNumbers.Taken taken = numbers.take(MAY);
      taken.openedAs("failed-instance");
      IllegalStateException failure = new IllegalStateException("the decision service was unreachable");
      taken.failedBecause(failure);
      throw failure;
    })).hasMessage("the decision service was unreachable");

    assertThat(voided()).singleElement().satisfies(voided -> {
      assertThat(voided.number()).isEqualTo("202405-001");
      assertThat(voided.reason()).isEqualTo("The ticket was not opened: its transaction was rolled back after "
          + "IllegalStateException: the decision service was unreachable");
      assertThat(voided.voidedAt()).isEqualTo(clock.instant());
    });
    assertThat(opened(numbers, database, "next-instance")).isEqualTo("202405-002");
  }

  @Test
  void aNumberLeftTakenByAStoppedApplication_isVoidedAfterFiveMinutes_notBefore() {
    numbers.take(MAY); // the application stopped before the ticket's transaction committed
    String opened = opened(numbers, database, "instance");

    clock.move(Duration.ofMinutes(4));
    assertThat(numbers.voidInterrupted()).isZero();
    clock.move(Duration.ofMinutes(2));
    assertThat(numbers.voidInterrupted()).isEqualTo(1);

    assertThat(voided()).singleElement().satisfies(voided -> {
      assertThat(voided.number()).isEqualTo("202405-001");
      assertThat(voided.reason()).contains("the application stopped before its transaction committed");
    });
    assertThat(opened).isEqualTo("202405-002");
    assertThat(ledger("opened")).isEqualTo(1);
  }

  @Test
  void aNumberIsOpenedOnlyInsideTheTicketsTransaction() {
    TicketNumbers.Taken taken = numbers.take(MAY);
    assertThatThrownBy(() -> taken.openedAs("instance")).isInstanceOf(IllegalStateException.class);
  }

  /** Numbers as the application has them: two connections of their own beside the engine's. */
  private TicketNumbers numbers(DataSource engine) {
    TicketNumbers numbers = new TicketNumbers(pool(unpooled, 2), new JdbcTemplate(engine), LONDON, clock);
    toClose.add(0, numbers);
    return numbers;
  }

  /** Takes a number and opens a ticket with it, in a transaction on the engine's connections, as the start does. */
  private static String opened(TicketNumbers numbers, DataSource engine, String processInstanceId) {
    return transaction(engine).execute(status -> {
      TicketNumbers.Taken taken = numbers.take(MAY);
      taken.openedAs(processInstanceId);
      return taken.number();
    });
  }

  private static TransactionTemplate transaction(DataSource engine) {
    return new TransactionTemplate(new DataSourceTransactionManager(engine));
  }

  record Voided(String number, Instant voidedAt, String reason) {
  }

  /** The voided numbers in the ledger, as the auditors' page reads them. */
  private List<Voided> voided() {
    return new JdbcTemplate(database).query("select ticket_number, voided_at, void_reason from ticket_number "
            + "where state = 'voided' order by serial",
        (row, i) -> new Voided(row.getString(1), row.getTimestamp(2).toInstant(), row.getString(3)));
  }

  private int ledger(String state) {
    return new JdbcTemplate(database).queryForObject("select count(*) from ticket_number where state = ?",
        Integer.class, state);
  }

  private static List<String> runConcurrently(int threads, List<Callable<String>> calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<String> results = new ArrayList<>();
      for (Future<String> result : pool.invokeAll(calls, 2, TimeUnit.MINUTES)) {
        results.add(result.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<String> serials(String period, int count) {
    return IntStream.rangeClosed(1, count).mapToObj(serial -> "%s-%03d".formatted(period, serial)).toList();
  }

  private HikariDataSource pool(DataSource connections, int size) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(connections);
    config.setMaximumPoolSize(size);
    config.setConnectionTimeout(5_000);
    HikariDataSource pool = new HikariDataSource(config);
    toClose.add(pool);
    return pool;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A clock the test moves. */
  static final class MovableClock extends Clock {

    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void move(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
