package org.itsupport.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.itsupport.database.CamundaSchema;
import org.itsupport.database.TestDatabase;
import org.itsupport.database.TestPostgres;
import org.itsupport.identity.Roles;
import org.itsupport.model.TicketProcess;
import org.itsupport.model.ServiceReviewProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * A cluster: two application nodes, each in a JVM of its own, on one PostgreSQL database, started at the same
 * moment on an empty database; the monthly review's schedule starts one review for the cluster. Runs in the
 * crash-tests profile (mvn verify -Pcrash-tests).
 */
@Tag("cluster")
class TwoNodesTest {

  @Test
  void twoNodesStartedTogether_setUpOnce_numberUniquely_shareTheJobs_andFireEachTimerOnce() throws Exception {
    Path directory = Path.of("target", "cluster").toAbsolutePath();
    FileSystemUtils.deleteRecursively(directory);
    Map<String, String> database = TestDatabase.properties(TestPostgres.newDatabase());
    ApplicationNode a = ApplicationNode.launch("node-a", directory.resolve("a"), node("node-a", database));
    ApplicationNode b = ApplicationNode.launch("node-b", directory.resolve("b"), node("node-b", database));
    try {
      a.awaitReady();
      b.awaitReady();

      assertSetUpOnce(a);

      // agents work on node a only: one agent completing the same task on two nodes at once is a conflict
      TicketLoad onA = TicketLoad.start(a, 4, 2, 80, Duration.ofSeconds(60));
      TicketLoad onB = TicketLoad.start(b, 4, 0, 80, Duration.ofSeconds(60));
      onA.awaitEnd();
      onB.awaitEnd();
      assertThat(onA.unexpected).isEmpty();
      assertThat(onB.unexpected).isEmpty();
      assertThat(onA.opened).hasSize(80);
      assertThat(onB.opened).hasSize(80);
      Set<String> numbers = new HashSet<>(onA.opened.keySet());
      numbers.retainAll(onB.opened.keySet());
      assertThat(numbers).as("numbers both nodes gave").isEmpty();

      List<String> timers = a.makeTimersDue(30);
      await("every due job done").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
          .untilAsserted(() -> {
            assertThat(a.count("/engine-rest/job/count?executable=true")).isZero();
            for (String timer : timers) {
              assertThat(a.count("/engine-rest/history/job-log/count?successLog=true&jobId=" + timer))
                  .as("times timer %s fired", timer).isEqualTo(1);
            }
          });

      // the monthly review's schedule: one timer for the cluster, although both nodes deployed; it fires once
      List<String> schedule = new ArrayList<>();
      a.get("/engine-rest/job?timers=true&processDefinitionKey=" + ServiceReviewProcess.SCHEDULE_KEY, "admin")
          .forEach(job -> schedule.add(job.get("id").asText()));
      assertThat(schedule).as("the review schedule's timers").hasSize(1);
      b.makeDue(schedule.get(0));
      await("the review started").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
          .untilAsserted(() -> assertThat(a.count("/engine-rest/history/job-log/count?successLog=true&jobId="
              + schedule.get(0))).isEqualTo(1));
      assertThat(a.count("/engine-rest/history/process-instance/count?processDefinitionKey="
          + ServiceReviewProcess.KEY)).as("reviews started").isEqualTo(1);
      assertThat(a.count("/engine-rest/job/count?timers=true&processDefinitionKey="
          + ServiceReviewProcess.SCHEDULE_KEY)).as("the schedule's next timer").isEqualTo(1);

      Set<String> executedBy = new HashSet<>();
      a.get("/engine-rest/history/job-log?successLog=true&maxResults=100000", "admin")
          .forEach(log -> executedBy.add(log.get("hostname").asText()));
      assertThat(executedBy).as("nodes whose job executor ran jobs").contains("node-a", "node-b");

      List<String> businessKeys = new ArrayList<>();
      a.get("/engine-rest/history/process-instance?processDefinitionKey=" + TicketProcess.KEY
          + "&maxResults=100000", "admin").forEach(ticket -> businessKeys.add(ticket.get("businessKey").asText()));
      assertThat(businessKeys).doesNotHaveDuplicates().containsAll(onA.opened.keySet())
          .containsAll(onB.opened.keySet());
      assertThat(a.count("/engine-rest/incident/count")).isZero();
    } finally {
      a.close();
      b.close();
    }
  }

  /**
   * The moment of greatest risk, made certain: both nodes wait at the start-up lock (held here as a starting
   * node holds it) on a database with the schema but nothing else, and are let go at the same instant.
   */
  @Test
  void nodesWaitingForAnotherNodesStart_startOneAfterTheOther_andSetUpOnce() throws Exception {
    Path directory = Path.of("target", "cluster-lock").toAbsolutePath();
    FileSystemUtils.deleteRecursively(directory);
    String url = TestPostgres.newDatabase();
    Flyway.configure().dataSource(TestPostgres.dataSource(url, TestPostgres.OWNER))
        .locations("classpath:db/migration").javaMigrations(new CamundaSchema()).load().migrate();
    Map<String, String> database = TestDatabase.properties(url);
    try (Connection startingNode = TestPostgres.dataSource(url, TestPostgres.APPLICATION).getConnection()) {
      startingNode.setAutoCommit(false);
      startingNode.createStatement().executeQuery("select name from application_lock for update").close();
      ApplicationNode a = ApplicationNode.launch("node-a", directory.resolve("a"), node("node-a", database));
      ApplicationNode b = ApplicationNode.launch("node-b", directory.resolve("b"), node("node-b", database));
      try {
        await("both nodes waiting").atMost(ApplicationNode.START_LIMIT).pollInterval(Duration.ofMillis(500))
            .until(() -> waiting(a) && waiting(b));
        startingNode.rollback();
        a.awaitReady();
        b.awaitReady();
        assertSetUpOnce(a);
      } finally {
        a.close();
        b.close();
      }
    }
  }

  private static boolean waiting(ApplicationNode node) throws IOException {
    return Files.readString(node.log()).contains("Another node sharing the database is starting; waiting for it");
  }

  /** One deployment, one of each user, group, filter and authorization, although both nodes created them. */
  private static void assertSetUpOnce(ApplicationNode node) {
    assertThat(node.count("/engine-rest/deployment/count?name=it-support")).as("deployments of the models")
        .isEqualTo(1);
    assertThat(node.count("/engine-rest/process-definition/count?key=" + TicketProcess.KEY))
        .as("versions of the ticket process").isEqualTo(1);
    assertThat(node.count("/engine-rest/user/count")).as("users: the demo users and admin").isEqualTo(13);
    assertThat(node.count("/engine-rest/group/count")).as("groups").isEqualTo(Roles.ALL.size() + 1);
    List<String> filters = new ArrayList<>();
    node.get("/engine-rest/filter", "admin").forEach(filter -> filters.add(filter.get("name").asText()));
    assertThat(filters).as("Tasklist filters").hasSize(4).doesNotHaveDuplicates();
    List<String> grants = new ArrayList<>();
    node.get("/engine-rest/authorization?maxResults=100000", "admin").forEach(grant -> grants.add(
        text(grant, "type") + " " + text(grant, "userId") + " " + text(grant, "groupId") + " "
            + text(grant, "resourceType") + " " + text(grant, "resourceId")));
    assertThat(grants).as("authorizations").doesNotHaveDuplicates();
  }

  private static Map<String, String> node(String name, Map<String, String> database) {
    Map<String, String> properties = new HashMap<>(database);
    // recorded in the job log with every job the node ran
    properties.put("camunda.bpm.generic-properties.properties.hostname", name);
    return properties;
  }

  private static String text(JsonNode node, String field) {
    return node.get(field) == null || node.get(field).isNull() ? "-" : node.get(field).asText();
  }
}
