package org.itsupport.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.itsupport.decisions.DecisionEngines;
import org.itsupport.ticket.SampleIntake;
import org.itsupport.ticket.TicketProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * How fast the ticket lifecycle is, beside the engine's own floor, in one run: mvn verify -Pbenchmark.
 * Prints a table and writes target/bench/results.json. Numbers only: nothing here is asserted, and the
 * default build does not run it. H2 file database (the product's default) with history level full.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:file:./target/bench/db-${random.uuid};QUERY_STATISTICS=TRUE")
@ActiveProfiles({"test", "demo"})
class TicketLifecycleBenchmark {

  static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup", 10));
  static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
  static final int CLOSED_FOR_HEAP = Integer.getInteger("bench.heapTickets", 10_000);
  /** The whole run stays under ten minutes: closing tickets for the heap figure stops after this. */
  static final Duration HEAP_FILL_LIMIT = Duration.ofSeconds(Long.getLong("bench.heapFillSeconds", 180));
  static final int REST_CLIENTS = 16;

  @Autowired
  ProcessEngine engine;
  @Autowired
  DataSource dataSource;
  @Autowired
  ReadyTime ready;
  @LocalServerPort
  int port;

  final Map<String, Object> results = new LinkedHashMap<>();
  final List<String[]> table = new ArrayList<>();

  @TestConfiguration
  static class ReadyTimeConfiguration {
    @Bean
    ReadyTime readyTime() {
      return new ReadyTime();
    }
  }

  /** From the JVM's start to the application answering: Spring Boot's own measure. */
  static class ReadyTime {
    volatile Duration startToReady;

    @EventListener
    void ready(ApplicationReadyEvent event) {
      startToReady = Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
    }
  }

  @Test
  void run() throws Exception {
    engine.getRepositoryService().createDeployment().name("benchmark floor")
        .addModelInstance("bench-floor.bpmn", Lifecycles.floorProcess()).deploy();
    Lifecycles lifecycles = new Lifecycles(engine);
    result("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
        "java", System.getProperty("java.version"), "os", System.getProperty("os.name") + " "
            + System.getProperty("os.version"), "maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20));

    // 1, 2: lifecycles per second, ticket and floor, 1 and 2 threads
    throughput(lifecycles::ticket, 2, WARM_UP);
    throughput(lifecycles::floor, 2, WARM_UP);
    for (int threads : new int[] {1, 2}) {
      double ticket = throughput(lifecycles::ticket, threads, MEASURE);
      double floor = throughput(lifecycles::floor, threads, MEASURE);
      result("lifecycle." + threads + "thread", Map.of("ticketPerSecond", round(ticket),
          "floorPerSecond", round(floor), "ratio", round(floor / ticket)));
      row("Ticket lifecycles/s, " + threads + " thread(s)", round(ticket), ">= 100 (2 threads)");
      row("Floor lifecycles/s, " + threads + " thread(s)", round(floor), "");
      row("Ticket cost / floor cost, " + threads + " thread(s)", round(floor / ticket), "<= 1.5");
    }

    // 3: the priority table, standalone and through the engine with history
    double standalone = standaloneDecisions();
    double withHistory = engineDecisions();
    result("decisions", Map.of("standalonePerSecond", round(standalone), "engineWithHistoryPerSecond",
        round(withHistory)));
    row("Priority evaluations/s, standalone DMN engine", round(standalone), ">= 100000");
    row("Priority evaluations/s, decision service + history", round(withHistory), "");

    // 5: SQL statements per lifecycle
    Map<String, Long> ticketSql = statementsPerLifecycle(lifecycles::ticket);
    Map<String, Long> floorSql = statementsPerLifecycle(lifecycles::floor);
    result("sqlPerLifecycle", Map.of("ticket", ticketSql, "floor", floorSql));
    row("SQL statements per ticket lifecycle", ticketSql.get("total"), "");
    row("SQL statements per floor lifecycle", floorSql.get("total"), "");

    // 4: REST intake with 16 clients
    Map<String, Object> intake = restIntake();
    result("restIntake", intake);
    row("REST intake tickets/s, 16 clients", intake.get("perSecond"), "");
    row("REST intake p50 / p95 / p99 ms", intake.get("p50Ms") + " / " + intake.get("p95Ms") + " / "
        + intake.get("p99Ms"), "p99 <= 50");

    // 6: memory and start-up
    long closed = closedTickets();
    if (closed < CLOSED_FOR_HEAP) {
      closeMore(lifecycles, CLOSED_FOR_HEAP - closed);
    }
    long heap = heapAfterGc();
    long rss = residentKiB();
    result("memory", Map.of("closedTickets", closedTickets(), "heapUsedMiB", heap >> 20, "residentMiB", rss >> 10));
    result("startToReadySeconds", round(ready.startToReady.toMillis() / 1000.0));
    row("Heap used after " + closedTickets() + " closed tickets, MiB (target: after " + CLOSED_FOR_HEAP + ")",
        heap >> 20, "");
    row("Resident memory, MiB", rss >> 10, "");
    row("Start to ready, s", round(ready.startToReady.toMillis() / 1000.0), "<= 15");

    write();
  }

  /** Completed lifecycles per second over the duration, with that many threads each running them in a loop. */
  private double throughput(Runnable lifecycle, int threads, Duration duration) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicLong done = new AtomicLong();
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    List<Future<?>> runs = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      runs.add(pool.submit(() -> {
        while (System.nanoTime() < end) {
          lifecycle.run();
          done.incrementAndGet();
        }
      }));
    }
    for (Future<?> run : runs) {
      run.get();
    }
    pool.shutdown();
    return done.get() / ((System.nanoTime() - start) / 1e9);
  }

  private double standaloneDecisions() throws IOException {
    DmnEngine dmn = DecisionEngines.standalone();
    DmnDecision priority;
    try (InputStream table = getClass().getResourceAsStream("/decisions/ticket-priority.dmn")) {
      priority = dmn.parseDecision("ticket-priority", table);
    }
    List<VariableMap> inputs = priorityInputs();
    return loop(i -> dmn.evaluateDecisionTable(priority, inputs.get(i % inputs.size())));
  }

  private double engineDecisions() {
    List<VariableMap> inputs = priorityInputs();
    return loop(i -> engine.getDecisionService().evaluateDecisionTableByKey("ticket-priority",
        inputs.get(i % inputs.size())));
  }

  private static List<VariableMap> priorityInputs() {
    List<VariableMap> inputs = new ArrayList<>();
    for (String impact : List.of("organisation", "department", "single-user")) {
      for (String urgency : List.of("critical", "high", "medium", "low")) {
        inputs.add(Variables.createVariables().putValue("impact", impact).putValue("urgency", urgency));
      }
    }
    return inputs;
  }

  /** Single-threaded calls per second: warmed up, then measured. */
  private static double loop(IntConsumer call) {
    for (Duration phase : List.of(WARM_UP, MEASURE)) {
      long start = System.nanoTime();
      long end = start + phase.toNanos();
      int i = 0;
      while (System.nanoTime() < end) {
        call.accept(i++);
      }
      if (phase == MEASURE) {
        return i / ((System.nanoTime() - start) / 1e9);
      }
    }
    throw new IllegalStateException();
  }

  /** H2's statement statistics around 50 lifecycles, by kind of statement, per lifecycle. */
  private Map<String, Long> statementsPerLifecycle(Runnable lifecycle) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 10000");
    jdbc.execute("SET QUERY_STATISTICS FALSE");
    jdbc.execute("SET QUERY_STATISTICS TRUE");
    int lifecycles = 50;
    for (int i = 0; i < lifecycles; i++) {
      lifecycle.run();
    }
    Map<String, Long> byKind = new TreeMap<>();
    jdbc.query("SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS", row -> {
      String sql = row.getString(1).trim();
      if (!sql.toUpperCase().contains("QUERY_STATISTICS")) {
        String kind = sql.split("\\s+", 2)[0].toLowerCase();
        byKind.merge(kind, row.getLong(2), Long::sum);
      }
    });
    Map<String, Long> perLifecycle = new TreeMap<>();
    byKind.forEach((kind, count) -> perLifecycle.put(kind, Math.round(count / (double) lifecycles)));
    perLifecycle.put("total", perLifecycle.values().stream().mapToLong(Long::longValue).sum());
    return perLifecycle;
  }

  /** 16 clients opening tickets through POST /api/tickets as fast as they get answers, for the duration. */
  private Map<String, Object> restIntake() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Map<String, Object> ticket = new HashMap<>(SampleIntake.intake());
    ticket.remove("requesterId");
    String body = new ObjectMapper().writeValueAsString(ticket);
    String auth = "Basic " + Base64.getEncoder().encodeToString("alice:demo".getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/tickets"))
        .header("Content-Type", "application/json").header("Authorization", auth)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicLong failures = new AtomicLong();
    for (Duration phase : List.of(WARM_UP, MEASURE)) {
      latencies.clear();
      ExecutorService clients = Executors.newFixedThreadPool(REST_CLIENTS);
      long start = System.nanoTime();
      long end = start + phase.toNanos();
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < REST_CLIENTS; i++) {
        runs.add(clients.submit(() -> {
          while (System.nanoTime() < end) {
            long sent = System.nanoTime();
            int status = http.send(request, BodyHandlers.discarding()).statusCode();
            latencies.add(System.nanoTime() - sent);
            if (status != 201) {
              failures.incrementAndGet();
            }
          }
          return null;
        }));
      }
      for (Future<?> run : runs) {
        run.get();
      }
      clients.shutdown();
      if (phase == MEASURE) {
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = latencies.stream().sorted().toList();
        Map<String, Object> intake = new LinkedHashMap<>();
        intake.put("clients", REST_CLIENTS);
        intake.put("seconds", round(seconds));
        intake.put("requests", sorted.size());
        intake.put("notCreated", failures.get());
        intake.put("perSecond", round(sorted.size() / seconds));
        intake.put("p50Ms", percentile(sorted, 50));
        intake.put("p95Ms", percentile(sorted, 95));
        intake.put("p99Ms", percentile(sorted, 99));
        return intake;
      }
    }
    throw new IllegalStateException();
  }

  private static double percentile(List<Long> sortedNanos, int percent) {
    int index = (int) Math.ceil(percent / 100.0 * sortedNanos.size()) - 1;
    return round(sortedNanos.get(Math.max(0, index)) / 1e6);
  }

  private long closedTickets() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(TicketProcess.KEY)
        .completed().count();
  }

  private void closeMore(Lifecycles lifecycles, long tickets) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    AtomicLong left = new AtomicLong(tickets);
    long end = System.nanoTime() + HEAP_FILL_LIMIT.toNanos();
    List<Future<?>> runs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      runs.add(pool.submit(() -> {
        while (left.getAndDecrement() > 0 && System.nanoTime() < end) {
          lifecycles.ticket();
        }
      }));
    }
    for (Future<?> run : runs) {
      run.get();
    }
    pool.shutdown();
  }

  private static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** VmRSS of this JVM, in KiB (Linux). */
  private static long residentKiB() throws IOException {
    return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("VmRSS:"))
        .map(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(-1L);
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  private void result(String name, Object value) {
    results.put(name, value);
  }

  private void row(String measure, Object value, String target) {
    table.add(new String[] {measure, String.valueOf(value), target});
  }

  private void write() throws IOException {
    Path out = Path.of("target", "bench", "results.json");
    Files.createDirectories(out.getParent());
    Files.writeString(out, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(results));
    StringBuilder printed = new StringBuilder("\n| measure | value | target |\n|---|---|---|\n");
    table.forEach(row -> printed.append("| ").append(String.join(" | ", row)).append(" |\n"));
    printed.append("\nwritten to ").append(out.toAbsolutePath()).append('\n');
    System.out.println(printed);
    Files.writeString(out.resolveSibling("results.md"), printed.toString());
  }
}
