package org.itsupport.intake;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many tickets the intake API opens at the same time. Each opening holds a database connection while it
 * runs; in an alert storm, unbounded openings would take every connection of the pool, and Tasklist, the job
 * executor and even the password check of unrelated calls would wait behind them. Openings beyond the limit
 * wait their turn here, in order of arrival, without holding a connection; one that cannot start within the
 * wait is answered 503 with Retry-After, and the caller's monitoring system sends it again.
 */
@Component
class IntakeLimit {

  /** Thrown when an opening waited its whole turn in vain. */
  static class Busy extends RuntimeException {

    final Duration retryAfter;

    Busy(Duration retryAfter) {
      super("Too many tickets are being opened at this moment; send the request again in a few seconds");
      this.retryAfter = retryAfter;
    }
  }

  private final Semaphore openings;
  private final Duration maxWait;

  IntakeLimit(@Value("${itsupport.intake.max-concurrent}") int maxConcurrent,
      @Value("${itsupport.intake.max-wait}") Duration maxWait) {
    this.openings = new Semaphore(maxConcurrent, true);
    this.maxWait = maxWait;
  }

  <T> T open(Supplier<T> opening) {
    boolean admitted;
    try {
      admitted = openings.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Busy(Duration.ofSeconds(1));
    }
    if (!admitted) {
      throw new Busy(Duration.ofSeconds(5));
    }
    try {
      return opening.get();
    } finally {
      openings.release();
    }
  }
}
