package org.itsupport.numbering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.transaction.support.TransactionTemplate;

class TicketNumbersTest {

  EmbeddedDatabase database;
  DataSourceTransactionManager transactions;
  TicketNumbers numbers;

  @BeforeEach
  void setUp() {
    database = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true)
        .addScript("db/migration/V1__ticket_number_counter.sql").build();
    transactions = new DataSourceTransactionManager(database);
    numbers = new TicketNumbers(new JdbcTemplate(database), transactions, ZoneId.of("Europe/London"));
  }

  @AfterEach
  void tearDown() {
    database.shutdown();
  }

  @Test
  void numbersCountUpWithinAMonthAndRestartInTheNext() {
    assertThat(numbers.next(Instant.parse("2024-05-02T10:00:00Z"))).isEqualTo("202405-001");
    assertThat(numbers.next(Instant.parse("2024-05-31T16:00:00Z"))).isEqualTo("202405-002");
    assertThat(numbers.next(Instant.parse("2024-06-01T08:00:00Z"))).isEqualTo("202406-001");
    assertThat(numbers.next(Instant.parse("2024-05-31T17:00:00Z"))).isEqualTo("202405-003");
  }

  @Test
  void theMonthIsTheConfiguredTimeZones() {
    // 23:30 UTC on 30 June is already 1 July in London (BST, UTC+1)
    assertThat(numbers.next(Instant.parse("2024-06-30T23:30:00Z"))).isEqualTo("202407-001");
  }

  @Test
  void theSerialGrowsPastThreeDigits() {
    new JdbcTemplate(database).update("insert into ticket_number_counter values ('202405', 999)");
    assertThat(numbers.next(Instant.parse("2024-05-20T10:00:00Z"))).isEqualTo("202405-1000");
  }

  @Test
  void concurrentStartsNeverShareANumber() throws Exception {
    Instant sameMonth = Instant.parse("2024-05-15T10:00:00Z");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<String>> starts = new ArrayList<>();
      IntStream.range(0, 200).forEach(i -> starts.add(() -> numbers.next(sameMonth)));
      List<String> handedOut = new ArrayList<>();
      for (Future<String> number : pool.invokeAll(starts)) {
        handedOut.add(number.get());
      }
      assertThat(handedOut).doesNotHaveDuplicates().hasSize(200)
          .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 200)
              .mapToObj(serial -> "202405-%03d".formatted(serial)).toList());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aStartThatFails_givesItsNumberBack_soNumbersHaveNoGaps() {
    Instant may = Instant.parse("2024-05-15T10:00:00Z");
    TransactionTemplate start = new TransactionTemplate(transactions);
    assertThatThrownBy(() -> start.executeWithoutResult(status -> {
      assertThat(numbers.next(may)).isEqualTo("202405-001");
      throw new IllegalStateException("the process start failed");
    })).hasMessage("the process start failed");

    assertThat(numbers.next(may)).isEqualTo("202405-001");
  }

  /**
   * As many starts at once as the pool has connections, each inside its own transaction as the engine runs
   * it: a number in a transaction of its own would need a second connection each, and all would wait for the
   * pool until it timed out. The month is new, so they also race to insert its first row.
   */
  @Test
  void startsInTransactions_asManyAsThePoolHasConnections_allGetANumber() throws Exception {
    HikariConfig config = new HikariConfig();
    config.setDataSource(database);
    config.setMaximumPoolSize(4);
    config.setConnectionTimeout(2_000);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      DataSourceTransactionManager poolTransactions = new DataSourceTransactionManager(pool);
      TicketNumbers pooled = new TicketNumbers(new JdbcTemplate(pool), poolTransactions, ZoneId.of("Europe/London"));
      TransactionTemplate start = new TransactionTemplate(poolTransactions);
      Instant june = Instant.parse("2024-06-15T10:00:00Z");
      ExecutorService starts = Executors.newFixedThreadPool(4);
      try {
        List<Callable<String>> calls = new ArrayList<>();
        IntStream.range(0, 40).forEach(i -> calls.add(() -> start.execute(status -> pooled.next(june))));
        List<String> handedOut = new ArrayList<>();
        for (Future<String> number : starts.invokeAll(calls)) {
          handedOut.add(number.get());
        }
        assertThat(handedOut).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 40)
            .mapToObj(serial -> "202406-%03d".formatted(serial)).toList());
      } finally {
        starts.shutdownNow();
      }
    }
  }
}
