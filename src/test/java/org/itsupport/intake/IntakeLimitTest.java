package org.itsupport.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IntakeLimitTest {

  @Test
  void openingsBeyondTheLimit_waitTheirTurn_andGiveUpAfterTheWait() throws Exception {
    IntakeLimit limit = new IntakeLimit(1, Duration.ofMillis(200));
    CountDownLatch opening = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    ExecutorService first = Executors.newSingleThreadExecutor();
    try {
      Future<String> running = first.submit(() -> limit.open(() -> {
        opening.countDown();
        await(finish);
        return "first";
      }));
      assertThat(opening.await(10, TimeUnit.SECONDS)).isTrue();

      assertThatThrownBy(() -> limit.open(() -> "second")).isInstanceOfSatisfying(IntakeLimit.Busy.class,
          busy -> assertThat(busy.retryAfter).isPositive());

      finish.countDown();
      assertThat(running.get(10, TimeUnit.SECONDS)).isEqualTo("first");
      assertThat(limit.open(() -> "third")).isEqualTo("third");
    } finally {
      finish.countDown();
      first.shutdownNow();
    }
  }

  @Test
  void aFailedOpening_givesItsTurnBack() {
    IntakeLimit limit = new IntakeLimit(1, Duration.ofMillis(200));
    assertThatThrownBy(() -> limit.open(() -> {
      throw new IllegalStateException("failed");
    })).hasMessage("failed");
    assertThat(limit.open(() -> "next")).isEqualTo("next");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
