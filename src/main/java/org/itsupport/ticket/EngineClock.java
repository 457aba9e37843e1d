package org.itsupport.ticket;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The process engine's clock: the time timers run on, which tests move forward. */
final class EngineClock {

  private EngineClock() {
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  static Date nowAsDate() {
    return Date.from(now());
  }
}
