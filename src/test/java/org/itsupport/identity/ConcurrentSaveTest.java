package org.itsupport.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.itsupport.model.TicketVariables.*;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.itsupport.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two saves of one task at the same moment (two browser tabs, two agents): the one that commits first wins; the
 * other is answered 409 with what to do, not the engine's optimistic-locking failure as a 500.
 */
@ApplicationTest
class ConcurrentSaveTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProcessEngine engine;
  @Autowired
  PlatformTransactionManager transactions;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void theLaterOfTwoCompletionsAtOnce_getsAConflict() {
    EngineRest api = new EngineRest(rest, engine);
    Task firstLine = api.firstLineTask(api.ticketAtFirstLine());
    engine.getTaskService().claim(firstLine.getId(), "dora");
    Map<String, Object> form = Map.of(FIRST_LINE_NOTES, "restarted the spooler", FIRST_LINE_OUTCOME, "escalate");

    CompletableFuture<ResponseEntity<String>> second = new TransactionTemplate(transactions).execute(first -> {
      // the first completion has written its changes and holds their rows until it commits
      engine.getTaskService().complete(firstLine.getId(), form);
      CompletableFuture<ResponseEntity<String>> later = CompletableFuture.supplyAsync(() -> api.call("dora",
          HttpMethod.POST, "/task/" + firstLine.getId() + "/complete",
          Map.of("variables", EngineRest.variables(form))));
      await().atMost(Duration.ofSeconds(20)).until(() -> later.isDone() || waitingForARowLock());
      return later;
    });

    ResponseEntity<String> answer = second.join();
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(answer.getBody()).contains("reload it and try again").doesNotContain("ENGINE-");
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(firstLine.getId()).singleResult()
        .getEndTime()).isNotNull();
  }

  /** Whether another connection of this database waits for a row the first completion has locked. */
  private boolean waitingForARowLock() {
    return jdbc.queryForObject("select count(*) from pg_stat_activity where datname = current_database()"
        + " and wait_event_type = 'Lock'", Long.class) > 0;
  }
}
