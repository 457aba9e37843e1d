package org.itsupport.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;

/**
 * The knowledge base the tests search: 32 articles written for them (hardware, software, network, account,
 * security; src/test/resources/knowledge/articles.tsv), each proposed by a specialist and published by a process
 * owner, and 22 tickets, each with the article that should come first (tickets.tsv).
 */
final class KnowledgeFixture {

  /** A ticket of the fixture and the key of the article that should solve it. */
  record Ticket(String expected, String serviceType, String affectedSystem, String title, String description) {
  }

  private static Map<String, String> published;

  private KnowledgeFixture() {
  }

  /** The fixture's articles, published once per test run: their numbers by key. */
  static synchronized Map<String, String> publish(Articles articles) {
    if (published == null) {
      Map<String, String> ids = new LinkedHashMap<>();
      for (String[] row : rows("knowledge/articles.tsv")) {
        String id = articles.propose(new Article.Draft(row[3], row[1], row[2].isEmpty() ? null : row[2], row[4],
            row[5], null, row[6], null), "sofia");
        articles.publish(id, 1, "olga");
        ids.put(row[0], id);
      }
      published = Map.copyOf(ids);
    }
    return published;
  }

  static List<Ticket> tickets() {
    return rows("knowledge/tickets.tsv").stream().map(row -> new Ticket(row[0], row[1], row[2], row[3], row[4]))
        .toList();
  }

  private static List<String[]> rows(String resource) {
    try {
      return new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8).lines()
          .filter(line -> !line.startsWith("#") && !line.isBlank()).map(line -> line.split("\t", -1)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
