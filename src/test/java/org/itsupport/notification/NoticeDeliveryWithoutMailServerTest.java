package org.itsupport.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.itsupport.database.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.mail.javamail.JavaMailSender;

/** The demo has no mail server: a notice is logged, whole, and stays on the ticket as "logged", not lost. */
@ExtendWith(OutputCaptureExtension.class)
class NoticeDeliveryWithoutMailServerTest {

  private final NoticeOutbox outbox = new NoticeOutbox(TestDatabase.withProductTables());
  private final NoticeDelivery delivery = new NoticeDelivery(outbox,
      new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), "it-support@localhost");

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aNoticeIsLoggedAndRecorded(CapturedOutput output) {
    Instant now = Instant.parse("2026-03-10T09:00:05Z");
    ClockUtil.setCurrentTime(Date.from(now));
    Notice notice = new Notice("notice-1", "202603-001", "received", "requester", List.of("alice@example.org"),
        "Ticket 202603-001 received: Printer", "Dear Alice Archer,\nwe have received your ticket.\n",
        now.minusSeconds(5), Notice.PENDING, null, 0, null);
    outbox.add(notice, "process-instance-1");

    delivery.execute(new NoticeDelivery.NoticeId("notice-1"), null, null, null);

    assertThat(output).contains("Ticket 202603-001: notice 'Ticket 202603-001 received: Printer' to "
        + "[alice@example.org] not mailed (no mail server configured", "we have received your ticket.");
    assertThat(outbox.ofTicket("202603-001")).singleElement().satisfies(logged -> {
      assertThat(logged.delivery()).isEqualTo(Notice.LOGGED);
      assertThat(logged.deliveredAt()).isEqualTo(now);
      assertThat(logged.body()).isEqualTo(notice.body());
    });
  }
}
