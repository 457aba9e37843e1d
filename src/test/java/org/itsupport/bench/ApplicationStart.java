package org.itsupport.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.itsupport.resilience.ApplicationNode;
import org.springframework.util.FileSystemUtils;

/**
 * The application started on its own, as {@code mvn spring-boot:run} starts it, in a directory of its own so
 * that its H2 file database ({@code ./data}) is new on the first start and found again on the next (or on the
 * PostgreSQL database the benchmark runs on). Start to ready is from launching the JVM to its job executor
 * starting, the last step of a start, with the health endpoint answering UP; resident memory is the JVM's once
 * ready.
 */
final class ApplicationStart {

  static final Path DIRECTORY = Path.of("target", "bench", "application").toAbsolutePath();

  private ApplicationStart() {
  }

  /** One start; {@code newDatabase} removes the database a previous start left first. */
  static Map<String, Object> measure(String what, boolean newDatabase, Map<String, String> database)
      throws IOException {
    if (newDatabase) {
      FileSystemUtils.deleteRecursively(DIRECTORY);
    }
    long started = System.nanoTime();
    try (ApplicationNode application = ApplicationNode.start("application-" + what.replaceAll("\\W+", "-"),
        DIRECTORY, database)) {
      double seconds = (System.nanoTime() - started) / 1e9;
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("start", what);
      result.put("startToReadySeconds", TicketLifecycleBenchmark.round(seconds));
      result.put("residentMiB", TicketLifecycleBenchmark.residentKiB(application.pid()) >> 10);
      return result;
    }
  }
}
