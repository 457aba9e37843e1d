package org.itsupport.shared;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Cycles for repeating timers whose next date is worked out by our code each time they fire: the engine
 * evaluates a timer's cycle expression again when it is due (reevaluateTimeCycleWhenDue), and a cycle
 * {@code R/<date>/P1D} next fires at that date. The period never applies.
 */
public final class RepeatingTimers {

  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
      .withZone(ZoneOffset.UTC);

  private RepeatingTimers() {
  }

  public static String nextAt(Instant next) {
    return "R/" + ISO.format(next) + "/P1D";
  }
}
