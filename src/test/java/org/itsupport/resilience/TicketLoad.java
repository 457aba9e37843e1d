package org.itsupport.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.itsupport.ticket.SampleIntake;
import org.itsupport.model.TicketProcess;

/**
 * A bounded burst of work on one node, as the service desk makes it: requesters opening tickets through the
 * intake API and first-line agents completing their diagnosis through the engine's REST API. Remembers what
 * the node acknowledged (a ticket's number with the title sent, a completion answered 204). A client stops when
 * the node stops answering, when the burst has opened as many tickets as it may, or when its time is up.
 */
final class TicketLoad implements AutoCloseable {

  /** Tickets acknowledged with 201: number → the unique title they were opened with. */
  final Map<String, String> opened = new ConcurrentHashMap<>();
  /** Ids of tasks whose completion was acknowledged with 204. */
  final Set<String> completed = ConcurrentHashMap.newKeySet();
  /** Answers a working node should never give (5xx, or a 4xx to a correct request). */
  final List<String> unexpected = new ArrayList<>();

  private final ApplicationNode node;
  private final ExecutorService clients;
  private final AtomicInteger intakesLeft;
  private final long end;
  private volatile boolean stopped;

  private TicketLoad(ApplicationNode node, int intakeClients, int completionClients, int maxIntakes, Duration time) {
    this.node = node;
    this.clients = Executors.newFixedThreadPool(intakeClients + completionClients);
    this.intakesLeft = new AtomicInteger(maxIntakes);
    this.end = System.nanoTime() + time.toNanos();
    for (int i = 0; i < intakeClients; i++) {
      clients.submit(this::openTickets);
    }
    for (int i = 0; i < completionClients; i++) {
      int client = i;
      clients.submit(() -> completeDiagnoses(client));
    }
  }

  static TicketLoad start(ApplicationNode node, int intakeClients, int completionClients, int maxIntakes,
      Duration time) {
    return new TicketLoad(node, intakeClients, completionClients, maxIntakes, time);
  }

  /** Waits for every client to end (the node was killed, or the burst is over). */
  void awaitEnd() throws InterruptedException {
    clients.shutdown();
    if (!clients.awaitTermination(2, TimeUnit.MINUTES)) {
      throw new IllegalStateException("the load's clients did not end");
    }
  }

  @Override
  public void close() throws InterruptedException {
    stopped = true;
    awaitEnd();
  }

  private boolean going() {
    return !stopped && System.nanoTime() < end;
  }

  private void openTickets() {
    while (going() && intakesLeft.getAndDecrement() > 0) {
      Map<String, Object> ticket = new HashMap<>(SampleIntake.intake());
      ticket.remove("requesterId");
      String title = "Crash test " + UUID.randomUUID();
      ticket.put("title", title);
      ApplicationNode.Response response;
      try {
        response = node.call("POST", "/api/tickets", "alice", ticket);
      } catch (UncheckedIOException nodeGone) {
        return;
      }
      if (response.status() == 201) {
        opened.put(response.body().get("number").asText(), title);
      } else {
        unexpected("POST /api/tickets", response);
      }
    }
  }

  private void completeDiagnoses(int client) {
    while (going()) {
      try {
        JsonNode tasks = node.get("/engine-rest/task?taskDefinitionKey=" + TicketProcess.DIAGNOSE_AT_FIRST_LINE
            + "&unassigned=true&sortBy=created&sortOrder=asc&firstResult=" + client * 5 + "&maxResults=1", "dora");
        if (tasks.isEmpty()) {
          // the job executor has not created the next task yet: back off instead of asking again at once
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
          continue;
        }
        String id = tasks.get(0).get("id").asText();
        // a task another agent claimed first answers 409; that is no completion
        if (node.call("POST", "/engine-rest/task/" + id + "/claim", "dora", Map.of("userId", "dora")).status() != 204) {
          continue;
        }
        ApplicationNode.Response done = node.call("POST", "/engine-rest/task/" + id + "/complete", "dora",
            Map.of("variables", Map.of(
                "firstLineNotes", Map.of("value", "Checked the knowledge base"),
                "firstLineOutcome", Map.of("value", "escalate"))));
        if (done.status() == 204) {
          completed.add(id);
        } else if (done.status() != 404 && done.status() != 409) {
          // another client (also dora) completed it first: 404 when that had committed, 409 when both were at it
          unexpected("complete " + id, done);
        }
      } catch (UncheckedIOException | IllegalStateException nodeGone) {
        return;
      }
    }
  }

  private synchronized void unexpected(String call, ApplicationNode.Response response) {
    unexpected.add(call + " answered " + response.status() + ": " + response.body());
  }
}
