package org.itsupport.shared;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The process engine's clock: the time timers run on, which tests move forward. */
public final class EngineClock {

  private EngineClock() {
  }

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public static Date nowAsDate() {
    return Date.from(now());
  }
}
