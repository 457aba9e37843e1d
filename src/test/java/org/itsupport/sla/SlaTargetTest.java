package org.itsupport.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlaTargetTest {

  @Test
  void timeOnlyTargets() {
    assertThat(SlaTarget.parse("responseTarget", "PT30M")).isEqualTo(new SlaTarget(0, Duration.ofMinutes(30)));
    assertThat(SlaTarget.parse("responseTarget", "PT8H")).isEqualTo(new SlaTarget(0, Duration.ofHours(8)));
    assertThat(SlaTarget.parse("responseTarget", "PT1H30M15S"))
        .isEqualTo(new SlaTarget(0, Duration.ofSeconds(3600 + 30 * 60 + 15)));
  }

  @Test
  void daysStayDays() {
    // P3D is three days of whichever clock, not 72 hours
    assertThat(SlaTarget.parse("resolutionTarget", "P3D")).isEqualTo(new SlaTarget(3, Duration.ZERO));
    assertThat(SlaTarget.parse("resolutionTarget", "P1DT4H30M")).isEqualTo(new SlaTarget(1, Duration.ofMinutes(270)));
  }

  @Test
  void hoursStayHours() {
    // PT72H is 72 hours of whichever clock, not three days
    assertThat(SlaTarget.parse("resolutionTarget", "PT72H")).isEqualTo(new SlaTarget(0, Duration.ofHours(72)));
  }

  @Test
  void surroundingBlanksAndLowerCaseAreAccepted() {
    assertThat(SlaTarget.parse("responseTarget", " PT30M ")).isEqualTo(new SlaTarget(0, Duration.ofMinutes(30)));
    assertThat(SlaTarget.parse("resolutionTarget", "p2dt1h")).isEqualTo(new SlaTarget(2, Duration.ofHours(1)));
  }

  @Test
  void noValueNamesTheVariable() {
    for (String missing : new String[] {null, "", "   "}) {
      assertThatThrownBy(() -> SlaTarget.parse("responseTarget", missing))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("responseTarget: the SLA decision gave no value");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"30 minutes", "30M", "3D", "P", "PT", "PT30", "P1W", "P1M", "P1Y", "P1Y2D", "P1DT",
      "PT1H30", "P99999999999D", "P3D4H"})
  void notADayTimeDurationNamesTheVariable(String text) {
    assertThatThrownBy(() -> SlaTarget.parse("resolutionTarget", text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("resolutionTarget: '" + text + "' is not an ISO-8601 duration such as PT30M, PT8H or P3D");
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT0S", "P0D", "P0DT0H", "-PT5M", "PT-5M", "-P1D", "P-1D", "P1DT-4H"})
  void zeroOrNegativeNamesTheVariable(String text) {
    assertThatThrownBy(() -> SlaTarget.parse("responseTarget", text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("responseTarget: '" + text + "' must be longer than zero");
  }

  @Test
  void aTargetIsNeverNegative() {
    assertThatThrownBy(() -> new SlaTarget(-1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SlaTarget(0, Duration.ofMinutes(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SlaTarget(0, null)).isInstanceOf(NullPointerException.class);
  }
}
