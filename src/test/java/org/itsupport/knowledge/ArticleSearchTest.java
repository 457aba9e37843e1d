package org.itsupport.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.itsupport.ApplicationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/** First line's suggestions rank the right article first for every ticket of the fixture. */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleSearchTest {

  @Autowired
  Articles articles;
  @Autowired
  ArticleSearch search;

  Map<String, String> published;

  @BeforeAll
  void theFixturesArticles() {
    published = KnowledgeFixture.publish(articles);
  }

  @Test
  void everyTicket_getsTheArticleThatSolvesIt_first() {
    List<String> wrong = new ArrayList<>();
    for (KnowledgeFixture.Ticket ticket : KnowledgeFixture.tickets()) {
      List<ArticleSearch.Suggestion> suggestions = search.suggest(new ArticleSearch.Query(ticket.serviceType(),
          ticket.affectedSystem(), ticket.title() + " " + ticket.description() + " " + ticket.affectedSystem()), 5);
      String first = suggestions.isEmpty() ? "nothing" : suggestions.get(0).articleId();
      if (!first.equals(published.get(ticket.expected()))) {
        wrong.add(ticket.title() + ": " + first + " (" + (suggestions.isEmpty() ? "" : suggestions.get(0).title())
            + ") before " + ticket.expected());
      }
    }
    assertThat(wrong).as("tickets whose first suggestion is not the right article").isEmpty();
  }

  @Test
  void onlyThePublishedVersion_ofAnArticleNotRetired_isSuggested() {
    ArticleSearch.Query ticket = new ArticleSearch.Query("hardware", "CM-7", "The coffee machine display is dark");
    String id = articles.propose(new Article.Draft("Coffee machine display stays dark", "hardware", "CM-7",
        "The coffee machine's display stays dark", "Switch it off at the wall for ten seconds", null, null, null),
        "hank");
    assertThat(search.suggest(ticket, 5)).as("in review").noneMatch(found -> found.articleId().equals(id));

    articles.publish(id, 1, "olga");
    assertThat(search.suggest(ticket, 5).get(0)).extracting(ArticleSearch.Suggestion::articleId,
        ArticleSearch.Suggestion::version).containsExactly(id, 1);

    int revision = articles.revise(id, new Article.Draft("Coffee machine display stays dark", "hardware", "CM-7",
        "The coffee machine's display stays dark", "Descale it first, then switch it off at the wall", null, null,
        null), "hank");
    assertThat(search.suggest(ticket, 5).get(0).version()).as("the revision is in review").isEqualTo(1);
    articles.publish(id, revision, "olga");
    assertThat(search.suggest(ticket, 5).get(0).steps()).startsWith("Descale it first");
    assertThat(articles.versions(id)).extracting(Article::state).containsExactly("superseded", "published");

    articles.retire(id, "olga");
    assertThat(search.suggest(ticket, 5)).noneMatch(found -> found.articleId().equals(id));
  }

  @Test
  void aTicketWithNothingInCommon_getsNoSuggestion() {
    assertThat(search.suggest(new ArticleSearch.Query("other", "", "The the and of"), 5)).isEmpty();
    assertThat(search.suggest(new ArticleSearch.Query("other", "ZZ-999", "Quarterly zebra migration"), 5)).isEmpty();
  }
}
