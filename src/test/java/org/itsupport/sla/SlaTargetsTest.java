package org.itsupport.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlaTargetsTest {

  @Test
  void deadlinesCountFromTheStartOnThe24x7Clock() {
    SlaTargets targets = SlaTargets.parse("PT30M", "P3D");
    assertThat(targets).isEqualTo(new SlaTargets(Duration.ofMinutes(30), Duration.ofDays(3)));

    SlaDeadlines deadlines = targets.from(Instant.parse("2024-05-03T16:45:00Z"));
    assertThat(deadlines.responseDueAt()).isEqualTo(Instant.parse("2024-05-03T17:15:00Z"));
    assertThat(deadlines.resolutionDueAt()).isEqualTo(Instant.parse("2024-05-06T16:45:00Z"));
  }

  @Test
  void aTargetIsMetAtOrBeforeItsDeadline() {
    Instant due = Instant.parse("2024-05-03T17:15:00Z");
    assertThat(SlaDeadlines.met(due.minusSeconds(1), due)).isTrue();
    assertThat(SlaDeadlines.met(due, due)).isTrue();
    assertThat(SlaDeadlines.met(due.plusSeconds(1), due)).isFalse();
  }

  @Test
  void badTargetsNameTheDecisionOutput() {
    assertThatThrownBy(() -> SlaTargets.parse("30 minutes", "PT2H"))
        .hasMessage("responseTarget: '30 minutes' is not an ISO-8601 duration such as PT30M, PT8H or P3D");
    assertThatThrownBy(() -> SlaTargets.parse("PT5M", null))
        .hasMessage("resolutionTarget: the SLA decision gave no target");
    assertThatThrownBy(() -> SlaTargets.parse("PT0S", "PT2H"))
        .hasMessage("responseTarget: 'PT0S' must be longer than zero");
  }
}
