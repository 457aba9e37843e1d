package org.itsupport.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.itsupport.database.TestDatabase;
import org.itsupport.database.TestPostgres;
import org.itsupport.model.TicketProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.FileSystemUtils;

/**
 * An operator's worst day: the application is killed ({@code kill -9}) three times in the middle of a burst of
 * intakes and task completions, and restarted on the same data each time. Whatever it acknowledged survives,
 * no number is given to two tickets, and its job executor runs again by itself: the async steps of tickets opened
 * before the crash, the timers that were due (each exactly once), and the new work. On the embedded default (the
 * application's own PostgreSQL server in ./data, killed with it the second time) and on a PostgreSQL server of
 * its own. Runs in the crash-tests profile (mvn verify -Pcrash-tests).
 */
@Tag("crash")
class CrashTest {

  static final int CRASHES = 3;
  /** A dead node's job locks expire after this (Camunda's default is 5 minutes, README: Database). */
  static final String LOCK_TIME_MILLIS = "15000";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"embedded", "postgres-server"})
  void killedThreeTimesUnderLoad_losesNothingItAcknowledged_andRunsItsJobsAgain(String database) throws Exception {
    Path directory = Path.of("target", "crash", database).toAbsolutePath();
    FileSystemUtils.deleteRecursively(directory);
    boolean embedded = database.equals("embedded");
    Map<String, String> properties = new HashMap<>();
    if (!embedded) {
      properties.putAll(TestDatabase.properties(TestPostgres.newDatabase()));
    }
    properties.put("camunda.bpm.job-execution.lock-time-in-millis", LOCK_TIME_MILLIS);

    Map<String, String> opened = new HashMap<>();
    Set<String> completed = new HashSet<>();
    Set<String> forcedTimers = new HashSet<>();
    ApplicationNode node = ApplicationNode.start("application", directory, properties);
    try {
      for (int crash = 1; crash <= CRASHES; crash++) {
        TicketLoad load = TicketLoad.start(node, 6, 2, 400, Duration.ofSeconds(90));
        int openedBefore = opened.size();
        await("a burst of work").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
            .until(() -> load.opened.size() >= 60 && load.completed.size() >= 5);
        forcedTimers.addAll(node.makeTimersDue(10));
        node.kill();
        if (embedded && crash == 2) {
          // the whole machine's worth: the database server dies too, right after, in the middle of its work
          killEmbeddedServer(directory);
        }
        load.awaitEnd();
        assertThat(load.unexpected).as("answers before the crash").isEmpty();
        opened.putAll(load.opened);
        completed.addAll(load.completed);
        assertThat(opened).hasSizeGreaterThan(openedBefore);

        node = ApplicationNode.start("application", directory, properties);
        assertNothingAcknowledgedWasLost(node, opened, completed);
        assertJobsRunAgain(node, forcedTimers);
      }
    } finally {
      node.close();
    }
  }

  /** kill -9 of the embedded PostgreSQL server, found by its data directory (./data/postgres). */
  private static void killEmbeddedServer(Path directory) throws Exception {
    String pid = Files.readAllLines(directory.resolve("data/postgres/postmaster.pid")).get(0).trim();
    ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(pid)).orElseThrow();
    postmaster.destroyForcibly();
    postmaster.onExit().get(1, TimeUnit.MINUTES);
  }

  /** Every acknowledged ticket is there, under its number, with what it was opened with; no number twice. */
  private static void assertNothingAcknowledgedWasLost(ApplicationNode node, Map<String, String> opened,
      Set<String> completed) {
    JsonNode tickets = node.get("/engine-rest/history/process-instance?processDefinitionKey=" + TicketProcess.KEY
        + "&maxResults=100000", "admin");
    Map<String, String> numberById = new HashMap<>();
    List<String> numbers = new ArrayList<>();
    tickets.forEach(ticket -> {
      numberById.put(ticket.get("id").asText(), ticket.get("businessKey").asText());
      numbers.add(ticket.get("businessKey").asText());
    });
    assertThat(numbers).as("ticket numbers").doesNotHaveDuplicates();

    Map<String, String> titleByNumber = new HashMap<>();
    node.get("/engine-rest/history/variable-instance?variableName=title&processDefinitionKey=" + TicketProcess.KEY
        + "&maxResults=100000&deserializeValues=false", "admin").forEach(variable -> {
          String number = numberById.get(variable.get("processInstanceId").asText());
          if (number != null && variable.get("taskId").isNull()) {
            titleByNumber.put(number, variable.get("value").asText());
          }
        });
    assertThat(titleByNumber).as("acknowledged tickets, by number and title").containsAllEntriesOf(opened);

    Set<String> finished = new HashSet<>();
    node.get("/engine-rest/history/task?taskDefinitionKey=" + TicketProcess.DIAGNOSE_AT_FIRST_LINE
        + "&finished=true&maxResults=100000", "admin").forEach(task -> finished.add(task.get("id").asText()));
    assertThat(finished).as("acknowledged completions").containsAll(completed);
    for (String task : completed) {
      assertThat(node.call("GET", "/engine-rest/task/" + task, "admin", null).status()).as("task %s", task)
          .isEqualTo(404);
    }
  }

  /**
   * The job executor takes up the work again by itself: jobs a dead node had locked once their lock expires,
   * every async step and due timer runs, each forced timer exactly once, and nothing ends in an incident.
   */
  private static void assertJobsRunAgain(ApplicationNode node, Set<String> forcedTimers) {
    await("every due job done").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      assertThat(node.count("/engine-rest/job/count?executable=true")).as("jobs due and not yet done").isZero();
      for (String timer : forcedTimers) {
        assertThat(node.count("/engine-rest/history/job-log/count?successLog=true&jobId=" + timer))
            .as("times timer %s fired", timer).isEqualTo(1);
      }
    });
    assertThat(node.count("/engine-rest/incident/count")).as("incidents").isZero();
  }
}
