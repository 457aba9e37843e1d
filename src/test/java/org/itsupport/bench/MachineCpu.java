package org.itsupport.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * How busy all cores of the machine were between two readings of /proc (Linux), and how much of it was PostgreSQL.
 * It tells whether more clients could have got more done: a machine that one client already keeps busy for two
 * thirds of its cores leaves room for at most 1.5 times its throughput.
 */
record MachineCpu(long busy, long total, long postgres) {

  static MachineCpu now() throws IOException {
    String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
    // cpu user nice system idle iowait irq softirq steal ...: idle and iowait are the time nothing ran
    long[] ticks = Arrays.stream(fields, 1, Math.min(fields.length, 9)).mapToLong(Long::parseLong).toArray();
    long total = Arrays.stream(ticks).sum();
    return new MachineCpu(total - ticks[3] - ticks[4], total, postgresTicks());
  }

  /** The share of all cores' time that was busy since the earlier reading, in percent. */
  double busyPercentSince(MachineCpu earlier) {
    return 100.0 * (busy - earlier.busy) / Math.max(1, total - earlier.total);
  }

  /** Of the busy time since the earlier reading, the share PostgreSQL's processes used, in percent. */
  double postgresPercentSince(MachineCpu earlier) {
    return 100.0 * (postgres - earlier.postgres) / Math.max(1, busy - earlier.busy);
  }

  /** User and system time of every process named postgres (server and its backends), in clock ticks. */
  private static long postgresTicks() throws IOException {
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      return processes.filter(dir -> dir.getFileName().toString().matches("\\d+"))
          .mapToLong(MachineCpu::ticksIfPostgres).sum();
    }
  }

  private static long ticksIfPostgres(Path process) {
    try {
      String stat = Files.readString(process.resolve("stat"));
      if (!stat.contains("(postgres)")) {
        return 0;
      }
      // after "pid (comm) ": state is field 3, utime 14 and stime 15
      String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(after[11]) + Long.parseLong(after[12]);
    } catch (IOException | RuntimeException gone) {
      return 0; // the process ended between listing and reading
    }
  }
}
