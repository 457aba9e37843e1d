package org.itsupport.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/** Every notice the models send has its wording, and each one names the ticket. */
class NoticeTemplatesTest {

  private static final Pattern NOTICE = Pattern.compile("notices\\.\\w+\\((?:execution|task), '([a-z-]+)'");

  private final NoticeTemplates templates = new NoticeTemplates(new DefaultResourceLoader(), "classpath:/notices/",
      "en");

  @Test
  void everyNoticeOfTheModels_hasATemplateThatNamesTheTicket() throws IOException {
    Set<String> kinds = kindsInModels();
    kinds.addAll(Set.of("escalation", "escalation-requester", "verification-reminder", "verification-chase"));
    assertThat(kinds).contains("received", "question", "answer-reminder", "with-specialists", "awaiting-approval",
        "change-approved", "verify", "rate", "rating-reminder", "reopened", "closed", "priority-corrected",
        "missing-priority-rule");

    for (String kind : kinds) {
      NoticeTemplates.Wording wording = templates.render(kind, Map.of("ticketNumber", "202603-001",
          "title", "Printer", "link", "http://tasklist/", "tasklist", "http://tasklist/"));
      assertThat(wording.subject()).as(kind).contains("202603-001").doesNotContain("\n");
      assertThat(wording.body()).as(kind).contains("202603-001", "http://tasklist/");
    }
  }

  @Test
  void missingFacts_leaveGaps_notErrors() {
    assertThat(templates.render("received", Map.of()).body()).contains("Priority: \n");
  }

  private static Set<String> kindsInModels() throws IOException {
    Set<String> kinds = new TreeSet<>();
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      for (Path model : models.toList()) {
        Matcher matcher = NOTICE.matcher(Files.readString(model));
        while (matcher.find()) {
          kinds.add(matcher.group(1));
        }
      }
    }
    return kinds;
  }
}
