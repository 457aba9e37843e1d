package org.itsupport.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.itsupport.model.TicketProcess;

/**
 * The application in a JVM of its own, started as {@code mvn spring-boot:run} starts it (runtime class path,
 * demo profile) in a directory of its own, so that its embedded database ({@code ./data}) is found again on
 * the next start there. Listens on 127.0.0.1 only; its output goes to {@code <name>.log} in the directory.
 * Ready once its job executor has started (the last step of a start) and the health endpoint answers UP.
 */
public final class ApplicationNode implements AutoCloseable {

  static final Duration START_LIMIT = Duration.ofMinutes(3);
  private static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
      .withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final Path log;
  private final int port;
  private final Process process;
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ApplicationNode(String name, Path directory, Map<String, String> properties) throws IOException {
    this.name = name;
    this.log = directory.resolve(name + ".log");
    this.port = freePort();
    Files.createDirectories(directory);
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", applicationClasspath(), "org.itsupport.ItSupportApplication", "--spring.profiles.active=demo",
        "--server.address=127.0.0.1", "--server.port=" + port));
    properties.forEach((key, value) -> command.add("--" + key + "=" + value));
    process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    copyOutput();
  }

  /** Launches the application; {@link #awaitReady()} waits for it. */
  public static ApplicationNode launch(String name, Path directory, Map<String, String> properties) {
    try {
      return new ApplicationNode(name, directory, properties);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ApplicationNode start(String name, Path directory, Map<String, String> properties) {
    return launch(name, directory, properties).awaitReady();
  }

  public ApplicationNode awaitReady() {
    try {
      ready.get(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(name + " was not ready within " + START_LIMIT + ", see " + log);
    } catch (Exception e) {
      throw new IllegalStateException(name + " did not start: " + e.getMessage() + ", see " + log, e);
    }
    Response health = call("GET", "/actuator/health", null, null);
    if (!health.body().toString().contains("\"UP\"")) {
      throw new IllegalStateException(name + " started but is not healthy: " + health.body());
    }
    return this;
  }

  public long pid() {
    return process.pid();
  }

  public int port() {
    return port;
  }

  public Path log() {
    return log;
  }

  /** {@code kill -9}: the JVM ends at once, without shutdown hooks, in the middle of whatever it was doing. */
  public void kill() {
    process.destroyForcibly();
    waitForExit();
  }

  /** A normal stop (SIGTERM). */
  @Override
  public void close() {
    process.destroy();
    if (!waitForExit()) {
      kill();
    }
  }

  private boolean waitForExit() {
    try {
      return process.waitFor(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** An answer of the application: status and JSON body (null when there is none). */
  public record Response(int status, JsonNode body) {
  }

  /** A call as a demo user (password {@code demo}); the body is sent as JSON. */
  public Response call(String method, String path, String user, Object body) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(60)).header("Accept", "application/json");
      if (user != null) {
        request.header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
      }
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      }
      var response = http.send(request.build(), BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body().isBlank() ? null : JSON.readTree(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(name + " did not answer " + method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A GET as a demo user that must answer 200. */
  public JsonNode get(String path, String user) {
    Response response = call("GET", path, user, null);
    if (response.status() != 200) {
      throw new IllegalStateException(name + ": GET " + path + " answered " + response.status() + " " + response.body());
    }
    return response.body();
  }

  /** The {@code count} of a REST count resource, e.g. {@code /engine-rest/job/count?executable=true}, as admin. */
  public long count(String path) {
    return get(path, "admin").get("count").asLong();
  }

  /**
   * Makes timers of tickets due now, as an operator can in Cockpit; their ids. The resolution SLA's "at risk" timers:
   * they stay while the load works the tickets (its first-line completions end the response stage and its timers).
   */
  public List<String> makeTimersDue(int count) {
    List<String> ids = new ArrayList<>();
    get("/engine-rest/job?timers=true&processDefinitionKey=it-support-ticket&activityId="
        + TicketProcess.RESOLUTION_AT_RISK + "&maxResults=" + count, "admin")
        .forEach(job -> ids.add(job.get("id").asText()));
    ids.forEach(this::makeDue);
    return ids;
  }

  /** Makes the job due now, as an operator would in Cockpit. */
  public void makeDue(String jobId) {
    String now = REST_DATE.format(Instant.now().minusSeconds(1));
    Response changed = call("PUT", "/engine-rest/job/" + jobId + "/duedate", "admin", Map.of("duedate", now));
    if (changed.status() != 204) {
      throw new IllegalStateException(name + ": due date of timer " + jobId + " answered " + changed.status());
    }
  }

  /** Copies the output to the log file (appended, one file per node over its restarts), watching for ready. */
  private void copyOutput() throws IOException {
    BufferedWriter file = Files.newBufferedWriter(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    Thread copier = new Thread(() -> {
      try (BufferedReader output = process.inputReader(); file) {
        for (String line = output.readLine(); line != null; line = output.readLine()) {
          file.write(line);
          file.newLine();
          file.flush();
          // the job executor starts right after Spring Boot's "Started": the application is ready then
          if (line.contains("ENGINE-14014")) {
            ready.complete(null);
          }
        }
      } catch (IOException e) {
        ready.completeExceptionally(e);
      }
      ready.completeExceptionally(new IllegalStateException("the application stopped"));
    }, name + "-output");
    copier.setDaemon(true);
    copier.start();
  }

  /** target/classes and the runtime dependencies, as the build wrote them down. */
  private static String applicationClasspath() throws IOException {
    Path dependencies = Path.of("target", "application.classpath");
    return Path.of("target", "classes").toAbsolutePath() + File.pathSeparator + Files.readString(dependencies).trim();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
