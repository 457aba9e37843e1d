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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
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
import org.itsupport.notification.NoticeOutbox;
import org.itsupport.ticket.SampleIntake;
import org.itsupport.knowledge.ArticleSearch;
import org.itsupport.model.TicketProcess;
import org.itsupport.problem.RecurringProblems;
import org.itsupport.review.MonthlyReport;
import org.itsupport.review.MonthlyReportCalculator;
import org.itsupport.sla.BusinessCalendar;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * How fast the ticket lifecycle is, beside the engine's own floor, in one run: mvn verify -Pbenchmark.
 * Prints a table and writes target/bench/results-{embedded,server,external}.json. Numbers only: nothing here is
 * asserted, and the default build does not run it. On the embedded default database, or a PostgreSQL server of its
 * own (see BenchDatabase), with history level full.
 * On two cores the JIT compiler takes most of a core for the first minute or two, so everything measured
 * is warmed up first, ticket and floor alike.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@ContextConfiguration(initializers = BenchDatabase.class)
class TicketLifecycleBenchmark {

  @TestConfiguration
  static class Counting {

    @Bean
    static StatementCounter statementCounter() {
      return new StatementCounter();
    }
  }

  /** Ticket and floor lifecycles, alternating, before anything is measured. */
  static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup", 90));
  /** Before each of the other measures (decisions, REST intake). */
  static final Duration SHORT_WARM_UP = Duration.ofSeconds(Long.getLong("bench.shortWarmup", 10));
  static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
  /** The REST intake's own warm-up stops after this, settled or not. */
  static final Duration REST_WARM_UP_LIMIT = Duration.ofSeconds(Long.getLong("bench.restWarmupSeconds", 300));
  static final int CLOSED_FOR_HEAP = Integer.getInteger("bench.heapTickets", 10_000);
  /** The whole run stays near fifteen minutes: closing tickets for the heap figure stops after this. */
  static final Duration HEAP_FILL_LIMIT = Duration.ofSeconds(Long.getLong("bench.heapFillSeconds", 120));
  static final int REST_CLIENTS = 16;
  static final int KNOWLEDGE_ARTICLES = Integer.getInteger("bench.articles", 10_000);
  static final int RECURRENCE_TICKETS = Integer.getInteger("bench.recurrenceTickets", 10_000);
  /** Ticket and floor are measured in this many turns each. */
  static final int TURNS = 4;

  @Autowired
  ProcessEngine engine;
  @Autowired
  NoticeOutbox notices;
  @Autowired
  StatementCounter statements;
  @Autowired
  BusinessCalendar calendar;
  @Autowired
  DataSource dataSource;
  @Autowired
  ArticleSearch search;
  @Autowired
  RecurringProblems recurring;
  @LocalServerPort
  int port;

  final Map<String, Object> results = new LinkedHashMap<>();
  final List<String[]> table = new ArrayList<>();

  /**
   * Only the SQL statements per lifecycle, ticket and floor, in a minute: for trying a change to the model or the
   * plumbing. mvn verify -Pbenchmark -Dtest=TicketLifecycleBenchmark#statements writes target/bench/statements.json.
   */
  @Test
  void statements() throws Exception {
    if (!Boolean.getBoolean("bench.statementsOnly")) {
      return; // the whole run() measures them too
    }
    deployFloor();
    Lifecycles lifecycles = new Lifecycles(engine, notices);
    for (int i = 0; i < 20; i++) {
      lifecycles.ticket();
      lifecycles.floor();
    }
    Map<String, Object> ticketSql = statementsPerLifecycle(lifecycles::ticket);
    Map<String, Object> floorSql = statementsPerLifecycle(lifecycles::floor);
    Path file = Path.of("target", "bench", "statements.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, new ObjectMapper().writerWithDefaultPrettyPrinter()
        .writeValueAsString(Map.of("ticket", ticketSql, "floor", floorSql)));
    System.out.println("SQL statements per lifecycle: ticket " + ticketSql.get("total") + ", floor "
        + floorSql.get("total") + " (" + file + ")");
  }

  private void deployFloor() {
    engine.getRepositoryService().createDeployment().name("benchmark floor")
        .addModelInstance("bench-floor.bpmn", Lifecycles.floorProcess()).deploy();
  }

  @Test
  void run() throws Exception {
    if (Boolean.getBoolean("bench.statementsOnly")) {
      return;
    }
    deployFloor();
    Lifecycles lifecycles = new Lifecycles(engine, notices);
    // the application started on its own: as a new installation starts it (the embedded default in its directory),
    // or on a database of its own on the same server
    Map<String, String> applicationDatabase = BenchDatabase.name().equals("embedded") ? Map.of()
        : BenchDatabase.newDatabase();
    Map<String, Object> fresh = ApplicationStart.measure("new database", true, applicationDatabase);
    Map<String, Object> restart = ApplicationStart.measure("restart on that database", false, applicationDatabase);
    result("database", BenchDatabase.name());
    result("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
        "java", System.getProperty("java.version"), "os", System.getProperty("os.name") + " "
            + System.getProperty("os.version"), "maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20));

    // 6: start-up and resident memory of the application in a JVM of its own, while this one is idle
    result("applicationStart", List.of(fresh, restart));
    row("Start to ready, s (new database / restart)", fresh.get("startToReadySeconds") + " / "
        + restart.get("startToReadySeconds"), "<= 15");
    row("Resident memory of the application after start, MiB", restart.get("residentMiB"), "");

    // 1, 2: lifecycles per second, ticket and floor, 1 and 2 threads
    warmUp(lifecycles);
    for (int threads : new int[] {1, 2}) {
      // in turns, so that the database growing and the JIT settling weigh on both alike
      double ticket = 0;
      double floor = 0;
      for (int turn = 0; turn < TURNS; turn++) {
        ticket += throughput(lifecycles::ticket, threads, MEASURE.dividedBy(TURNS)) / TURNS;
        floor += throughput(lifecycles::floor, threads, MEASURE.dividedBy(TURNS)) / TURNS;
      }
      double ratio = Math.round(floor / ticket * 100) / 100.0;
      result("lifecycle." + threads + "thread", Map.of("ticketPerSecond", round(ticket),
          "floorPerSecond", round(floor), "ratio", ratio));
      row("Ticket lifecycles/s, " + threads + " thread(s)", round(ticket), ">= 100 (2 threads)");
      row("Floor lifecycles/s, " + threads + " thread(s)", round(floor), "");
      row("Ticket cost / floor cost, " + threads + " thread(s)", ratio, "<= 1.5");
    }

    // 3: the priority table, standalone and through the engine with history
    double standalone = standaloneDecisions();
    double withHistory = engineDecisions();
    result("decisions", Map.of("standalonePerSecond", round(standalone), "engineWithHistoryPerSecond",
        round(withHistory)));
    row("Priority evaluations/s, standalone DMN engine", round(standalone), ">= 100000");
    row("Priority evaluations/s, decision service + history", round(withHistory), "");

    // 5: SQL statements per lifecycle, as the application sent them
    Map<String, Object> ticketSql = statementsPerLifecycle(lifecycles::ticket);
    Map<String, Object> floorSql = statementsPerLifecycle(lifecycles::floor);
    result("sqlPerLifecycle", Map.of("ticket", ticketSql, "floor", floorSql));
    row("SQL statements per ticket lifecycle", sqlRow(ticketSql), "");
    row("SQL statements per floor lifecycle", sqlRow(floorSql), "");

    // 4: REST intake with 16 clients, and with one for what a single intake costs
    Map<String, Object> restWarmUp = warmUpRestIntake();
    result("restIntakeWarmUp", restWarmUp);
    row("REST intake warm-up, s (JIT compiler s in its last 20 s)", restWarmUp.get("seconds") + " ("
        + restWarmUp.get("jitCompilerSecondsInLastTurn") + ")", "");
    Map<String, Object> intake = restIntake(REST_CLIENTS);
    Map<String, Object> alone = restIntake(1);
    result("restIntake", List.of(intake, alone));
    for (Map<String, Object> run : List.of(intake, alone)) {
      row("REST intake, " + run.get("clients") + " client(s): tickets/s", run.get("perSecond"),
          run == intake ? ">= 1.6 x 1 client" : "");
      row("REST intake, " + run.get("clients") + " client(s): p50 / p95 / p99 ms", run.get("p50Ms") + " / "
          + run.get("p95Ms") + " / " + run.get("p99Ms"), run == intake ? "p99 <= 4 x p50" : "");
    }
    row("REST intake, 16 / 1 client(s): machine busy %", intake.get("machineBusyPercent") + " / "
        + alone.get("machineBusyPercent"), "");
    row("REST intake, 16 / 1 client(s): core ms per ticket (PostgreSQL's share %)", intake.get("coreMsPerTicket")
        + " (" + intake.get("postgresPercentOfBusy") + ") / " + alone.get("coreMsPerTicket") + " ("
        + alone.get("postgresPercentOfBusy") + ")", "");
    row("REST intake, 16 / 1 client(s): JIT compiler s during the measure", intake.get("jitCompilerSeconds") + " / "
        + alone.get("jitCompilerSeconds"), "");
    row("REST intake, 16 / 1 client(s): write-ahead log KiB per ticket", intake.get("walKiBPerTicket") + " / "
        + alone.get("walKiBPerTicket"), "");
    row("REST intake, 16 / 1 client(s): tickets/s", ratio(intake, alone), ">= 1.6");
    row("Meanwhile, GET /engine-rest/task/count: p50 / p99 ms", intake.get("otherCallP50Ms") + " / "
        + intake.get("otherCallP99Ms"), "");

    // 6: memory (start-up was measured first, on a quiet machine)
    long closedBefore = closedTickets();
    long heapBefore = heapAfterGc();
    if (closedBefore < CLOSED_FOR_HEAP) {
      closeMore(lifecycles, CLOSED_FOR_HEAP - closedBefore);
    }
    long closed = closedTickets();
    long heap = heapAfterGc();
    result("memory", Map.of("heapUsedAfterGc", List.of(Map.of("closedTickets", closedBefore, "MiB", heapBefore >> 20),
        Map.of("closedTickets", closed, "MiB", heap >> 20)), "benchmarkJvmResidentMiB",
        residentKiB(ProcessHandle.current().pid()) >> 10));
    row("Heap used after GC, MiB (after " + closedBefore + " / " + closed + " closed tickets)",
        (heapBefore >> 20) + " / " + (heap >> 20), "");

    // 7: the monthly review's report of this month, over every ticket closed above
    monthlyReport();
    // 8: first line's suggestions from a knowledge base of 10,000 published articles
    knowledgeSearch();
    // 9: the recurring-problems check at intake, with 10,000 tickets of the last 30 days
    recurrenceCheck();
    write();
  }

  /**
   * Only the knowledge base's suggestions, on 10,000 published articles, and the recurring-problems check, on 10,000
   * tickets of the last 30 days (each seeded first):
   * mvn verify -Pbenchmark -Dtest=TicketLifecycleBenchmark#knowledgeOnly -Dbench.knowledgeOnly=true
   */
  @Test
  void knowledgeOnly() throws Exception {
    if (!Boolean.getBoolean("bench.knowledgeOnly")) {
      return;
    }
    knowledgeSearch();
    recurrenceCheck();
    write();
  }

  /**
   * Only the REST intake, 16 clients and 1, in three rounds after its warm-up (for trying a
   * change to the intake): mvn verify -Pbenchmark -Dtest=TicketLifecycleBenchmark#intakeOnly -Dbench.intakeOnly=true
   */
  @Test
  void intakeOnly() throws Exception {
    if (!Boolean.getBoolean("bench.intakeOnly")) {
      return;
    }
    System.out.println("REST intake warm-up: " + warmUpRestIntake());
    List<Map<String, Object>> rounds = new ArrayList<>();
    for (int round = 1; round <= 3; round++) {
      Map<String, Object> intake = restIntake(REST_CLIENTS);
      Map<String, Object> alone = restIntake(1);
      rounds.add(Map.of("round", round, "clients16", intake, "clients1", alone));
      row("Round " + round + ": REST intake, 16 / 1 clients: tickets/s (core ms per ticket, machine busy %, JIT s)",
          intake.get("perSecond") + " (" + intake.get("coreMsPerTicket") + ", " + intake.get("machineBusyPercent")
              + ", " + intake.get("jitCompilerSeconds") + ") / " + alone.get("perSecond") + " ("
              + alone.get("coreMsPerTicket") + ", " + alone.get("machineBusyPercent") + ", "
              + alone.get("jitCompilerSeconds") + ")",
          "ratio " + ratio(intake, alone));
    }
    result("restIntakeRounds", rounds);
    write();
  }

  private void recurrenceCheck() {
    int tickets = RecurrenceLoad.seed(dataSource, RECURRENCE_TICKETS);
    Map<String, Object> latency = RecurrenceLoad.check(recurring, engine, dataSource, 500);
    result("recurrenceCheck", Map.of("ticketsOfTheLast30Days", tickets, "latency", latency));
    for (String kind : List.of("all", "notedOrLinked", "openedAProblem")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> figures = (Map<String, Object>) latency.get(kind);
      row("Recurring-problems check per intake, " + kind + " (" + figures.get("count") + " of 500; " + tickets
          + " tickets in the last 30 days): p50 / p95 / p99 ms", figures.get("p50Ms") + " / " + figures.get("p95Ms")
          + " / " + figures.get("p99Ms"), "all".equals(kind) ? "<= 20" : "");
    }
  }

  private void knowledgeSearch() {
    int articles = KnowledgeLoad.seed(dataSource, KNOWLEDGE_ARTICLES);
    Map<String, Object> latency = KnowledgeLoad.suggestions(search, 500);
    result("knowledgeSuggestions", Map.of("publishedArticles", articles, "latency", latency));
    row("Knowledge suggestions (" + articles + " published articles): p50 / p95 / p99 ms", latency.get("p50Ms")
        + " / " + latency.get("p95Ms") + " / " + latency.get("p99Ms"), "p95 <= 200");
  }

  /**
   * Only the monthly review's report, after closing tickets up to bench.heapTickets (for at most
   * bench.heapFillSeconds): mvn verify -Pbenchmark -Dtest=TicketLifecycleBenchmark#reportOnly -Dbench.reportOnly=true
   */
  @Test
  void reportOnly() throws Exception {
    if (!Boolean.getBoolean("bench.reportOnly")) {
      return;
    }
    closeMore(new Lifecycles(engine, notices), CLOSED_FOR_HEAP - closedTickets());
    monthlyReport();
    write();
  }

  /** How long working out a month's report takes, over the tickets of this month. */
  private void monthlyReport() {
    MonthlyReportCalculator calculator = new MonthlyReportCalculator(engine.getHistoryService(), calendar.zone());
    YearMonth month = YearMonth.now(calendar.zone());
    calculator.calculate(month); // warm
    long start = System.nanoTime();
    MonthlyReport report = calculator.calculate(month);
    double seconds = round((System.nanoTime() - start) / 1e9);
    result("monthlyReport", Map.of("opened", report.opened().total(), "closed", report.closed().total(),
        "seconds", seconds));
    row("Monthly review's report, s (" + report.opened().total() + " tickets opened, " + report.closed().total()
        + " closed in the month)", seconds, "");
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

  /** Ticket and floor in turn, two threads, until the JIT compiler has settled on both. */
  private void warmUp(Lifecycles lifecycles) throws Exception {
    long end = System.nanoTime() + WARM_UP.toNanos();
    while (System.nanoTime() < end) {
      throughput(lifecycles::ticket, 2, Duration.ofSeconds(5));
      throughput(lifecycles::floor, 2, Duration.ofSeconds(5));
    }
  }

  private static String sqlRow(Map<String, Object> sql) {
    Map<?, ?> byType = (Map<?, ?>) sql.get("byType");
    StringBuilder types = new StringBuilder();
    byType.forEach((type, count) -> types.append(types.isEmpty() ? "" : ", ").append(count).append(' ').append(type));
    return sql.get("total") + " (" + types + ")";
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
    for (Duration phase : List.of(SHORT_WARM_UP, MEASURE)) {
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

  /** The statements sent during 50 lifecycles, per lifecycle: by type of statement, and by type and table. */
  private Map<String, Object> statementsPerLifecycle(Runnable lifecycle) {
    int lifecycles = 50;
    statements.start();
    for (int i = 0; i < lifecycles; i++) {
      lifecycle.run();
    }
    Map<String, Long> byType = new TreeMap<>();
    Map<String, Long> byTable = new TreeMap<>();
    statements.stop().forEach((key, count) -> (key.contains(" ") ? byTable : byType).put(key, count));
    Map<String, Object> perLifecycle = new LinkedHashMap<>();
    perLifecycle.put("total", Math.round(byType.values().stream().mapToLong(Long::longValue).sum()
        / (double) lifecycles));
    perLifecycle.put("byType", perLifecycle(byType, lifecycles));
    perLifecycle.put("byTypeAndTable", perLifecycle(byTable, lifecycles));
    return perLifecycle;
  }

  private static Map<String, Long> perLifecycle(Map<String, Long> counts, int lifecycles) {
    Map<String, Long> per = new TreeMap<>();
    counts.forEach((key, count) -> {
      long rounded = Math.round(count / (double) lifecycles);
      if (rounded > 0) {
        per.put(key, rounded);
      }
    });
    return per;
  }

  /**
   * Clients opening tickets through POST /api/tickets as fast as they get answers: for SHORT_WARM_UP, then, on a
   * settled database, for MEASURE, measured.
   */
  private Map<String, Object> restIntake(int clientCount) throws Exception {
    intakeLoad(clientCount, SHORT_WARM_UP);
    settleDatabase();
    return intakeLoad(clientCount, MEASURE);
  }

  /**
   * Before the first REST intake figure, 16 clients and one in turns, until the JIT compiler has settled (under a
   * second of compiling in a turn of 20 s) or for at most REST_WARM_UP_LIMIT. On two cores the compiler otherwise
   * took a core's half or more during the measures (JFR: 40 % of the machine while one client ran), and one client's
   * path through the connection pool and the locks is not that of 16.
   */
  private Map<String, Object> warmUpRestIntake() throws Exception {
    long start = System.nanoTime();
    double lastTurn;
    int turns = 0;
    do {
      long jit = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
      intakeLoad(REST_CLIENTS, SHORT_WARM_UP);
      intakeLoad(1, SHORT_WARM_UP);
      lastTurn = (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jit) / 1000.0;
      turns++;
    } while (lastTurn >= 1 && System.nanoTime() - start < REST_WARM_UP_LIMIT.toNanos());
    return Map.of("seconds", round((System.nanoTime() - start) / 1e9), "turns", turns,
        "jitCompilerSecondsInLastTurn", round(lastTurn));
  }

  private Map<String, Object> intakeLoad(int clientCount, Duration duration) throws Exception {
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
    ExecutorService clients = Executors.newFixedThreadPool(clientCount + 1);
    MachineCpu cpuAtStart = MachineCpu.now();
    long walAtStart = walWritten();
    long jitAtStart = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    List<Future<?>> runs = new ArrayList<>();
    // while the clients open tickets, an agent's unrelated call: it must not wait for the intakes' connections
    List<Long> other = Collections.synchronizedList(new ArrayList<>());
    HttpRequest taskCount = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/engine-rest/task/count"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            "dora:demo".getBytes(StandardCharsets.UTF_8))).GET().build();
    Future<?> agent = clientCount == 1 ? null : clients.submit(() -> {
      while (System.nanoTime() < end) {
        long sent = System.nanoTime();
        http.send(taskCount, BodyHandlers.discarding());
        other.add(System.nanoTime() - sent);
      }
      return null;
    });
    for (int i = 0; i < clientCount; i++) {
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
    if (agent != null) {
      agent.get();
    }
    clients.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    MachineCpu cpuAtEnd = MachineCpu.now();
    double busyPercent = cpuAtEnd.busyPercentSince(cpuAtStart);
    List<Long> sorted = latencies.stream().sorted().toList();
    Map<String, Object> intake = new LinkedHashMap<>();
    intake.put("clients", clientCount);
    intake.put("seconds", round(seconds));
    intake.put("requests", sorted.size());
    intake.put("notCreated", failures.get());
    intake.put("perSecond", round(sorted.size() / seconds));
    intake.put("p50Ms", percentile(sorted, 50));
    intake.put("p95Ms", percentile(sorted, 95));
    intake.put("p99Ms", percentile(sorted, 99));
    intake.put("machineBusyPercent", round(busyPercent));
    // core time per ticket, whether spent in the application, the database server or the client
    intake.put("coreMsPerTicket", round(busyPercent / 100 * Runtime.getRuntime().availableProcessors()
        * seconds * 1000 / Math.max(1, sorted.size())));
    intake.put("postgresPercentOfBusy", round(cpuAtEnd.postgresPercentSince(cpuAtStart)));
    intake.put("jitCompilerSeconds", round(
        (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitAtStart) / 1000.0));
    intake.put("walKiBPerTicket", round((walWritten() - walAtStart) / 1024.0 / Math.max(1, sorted.size())));
    if (agent != null) {
      List<Long> otherSorted = other.stream().sorted().toList();
      intake.put("otherCallP50Ms", percentile(otherSorted, 50));
      intake.put("otherCallP99Ms", percentile(otherSorted, 99));
    }
    return intake;
  }

  /**
   * Before a measured phase, PostgreSQL does the work it defers from what ran before (removing dead rows, writing
   * changed pages to their files), so that it is not counted in this phase: otherwise the one-client phase pays
   * for the 16 clients' thousand tickets before it. Where the benchmark's database user may not (a database of
   * yours), the phase runs unsettled.
   */
  private void settleDatabase() {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      statement.execute("vacuum (analyze)");
      statement.execute("checkpoint");
    } catch (SQLException e) {
      System.out.println("The database was not settled before the phase: " + e.getMessage());
    }
  }

  /** Bytes of write-ahead log PostgreSQL has written so far: what each commit waits to have on disk. */
  private long walWritten() throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet wal = statement.executeQuery("select pg_current_wal_lsn() - '0/0'::pg_lsn")) {
      wal.next();
      return wal.getLong(1);
    }
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

  /** VmRSS of a process, in KiB (Linux). */
  static long residentKiB(long pid) throws IOException {
    return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(line -> line.startsWith("VmRSS:"))
        .map(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(-1L);
  }

  /** Tickets per second of the 16 clients over those of one, to two decimals. */
  private static double ratio(Map<String, Object> intake, Map<String, Object> alone) {
    return Math.round((double) intake.get("perSecond") / (double) alone.get("perSecond") * 100) / 100.0;
  }

  static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  private void result(String name, Object value) {
    results.put(name, value);
  }

  private void row(String measure, Object value, String target) {
    table.add(new String[] {measure, String.valueOf(value), target});
  }

  private void write() throws IOException {
    String database = BenchDatabase.name();
    Path out = Path.of("target", "bench", "results-" + database + ".json");
    Files.createDirectories(out.getParent());
    Files.writeString(out, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(results));
    StringBuilder printed = new StringBuilder("\nDatabase: " + BenchDatabase.name()
        + "\n\n| measure | value | target |\n|---|---|---|\n");
    table.forEach(row -> printed.append("| ").append(String.join(" | ", row)).append(" |\n"));
    printed.append("\nwritten to ").append(out.toAbsolutePath()).append('\n');
    System.out.println(printed);
    Files.writeString(out.resolveSibling("results-" + database + ".md"), printed.toString());
  }
}
