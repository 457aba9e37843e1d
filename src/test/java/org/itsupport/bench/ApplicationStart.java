package org.itsupport.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.util.FileSystemUtils;

/**
 * The application started on its own, as {@code mvn spring-boot:run} starts it: a JVM of its own with the
 * default configuration and the demo profile, in a directory of its own so that its H2 file database
 * ({@code ./data}) is new on the first start and found again on the next. Start to ready is from launching the
 * JVM to its job executor starting, the last step of a start, with the health endpoint answering UP; resident
 * memory is the JVM's once ready.
 */
final class ApplicationStart {

  static final Path DIRECTORY = Path.of("target", "bench", "application").toAbsolutePath();
  static final Duration LIMIT = Duration.ofSeconds(120);

  private ApplicationStart() {
  }

  /** One start; {@code newDatabase} removes the database a previous start left first. */
  static Map<String, Object> measure(String what, boolean newDatabase) throws Exception {
    if (newDatabase) {
      FileSystemUtils.deleteRecursively(DIRECTORY);
    }
    Files.createDirectories(DIRECTORY);
    int port = freePort();
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", applicationClasspath(), "org.itsupport.ItSupportApplication", "--spring.profiles.active=demo",
        "--server.address=127.0.0.1", "--server.port=" + port);
    long started = System.nanoTime();
    Process application = new ProcessBuilder(command).directory(DIRECTORY.toFile()).redirectErrorStream(true)
        .start();
    try {
      awaitStarted(application, DIRECTORY.resolve("application-" + what.replaceAll("\\W+", "-") + ".log"));
      assertHealthy(port);
      double seconds = (System.nanoTime() - started) / 1e9;
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("start", what);
      result.put("startToReadySeconds", TicketLifecycleBenchmark.round(seconds));
      result.put("residentMiB", TicketLifecycleBenchmark.residentKiB(application.pid()) >> 10);
      return result;
    } finally {
      application.destroy();
      if (!application.waitFor(30, TimeUnit.SECONDS)) {
        application.destroyForcibly();
      }
    }
  }

  /** target/classes and the runtime dependencies, as the benchmark profile wrote them down. */
  private static String applicationClasspath() throws IOException {
    Path dependencies = Path.of("target", "bench", "application.classpath");
    return Path.of("target", "classes").toAbsolutePath() + File.pathSeparator + Files.readString(dependencies).trim();
  }

  /** Copies the application's output to its log, until the job executor starts. */
  private static void awaitStarted(Process application, Path log) throws Exception {
    CompletableFuture<Void> started = new CompletableFuture<>();
    Thread copier = new Thread(() -> {
      try (BufferedReader output = application.inputReader(); BufferedWriter file = Files.newBufferedWriter(log)) {
        for (String line = output.readLine(); line != null; line = output.readLine()) {
          file.write(line);
          file.newLine();
          // the job executor starts right after Spring Boot's "Started": the application is ready then
          if (line.contains("ENGINE-14014")) {
            started.complete(null);
          }
        }
      } catch (IOException e) {
        started.completeExceptionally(e);
      }
      started.completeExceptionally(new IllegalStateException("the application stopped while starting, see " + log));
    }, "application-output");
    copier.setDaemon(true);
    copier.start();
    try {
      started.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the application was not ready within " + LIMIT + ", see " + log);
    }
  }

  private static void assertHealthy(int port) throws Exception {
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
        .timeout(Duration.ofSeconds(10)).build();
    String answer = HttpClient.newHttpClient().send(health, BodyHandlers.ofString()).body();
    if (!answer.contains("\"UP\"")) {
      throw new IllegalStateException("started but not healthy: " + answer);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
