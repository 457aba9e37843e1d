package org.itsupport.knowledge;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.itsupport.identity.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The knowledge base over HTTP (Basic authentication, see RestApiSecurity): staff search it and read an
 * article's versions; process owners and service managers retire an article. Writing and reviewing go through
 * the knowledge-article process, where the engine's authorizations and the four-eyes rule hold.
 */
@RestController
@RequestMapping("/api/knowledge/articles")
public class KnowledgeController {

  private static final List<String> READERS = Stream.concat(Roles.STAFF.stream(), Stream.of(Roles.AUDITORS)).toList();
  private static final List<String> RETIRERS = List.of(Roles.PROCESS_OWNERS, Roles.SERVICE_MANAGERS);

  private final Articles articles;
  private final ArticleSearch search;
  private final IdentityService identity;

  public KnowledgeController(Articles articles, ArticleSearch search, IdentityService identity) {
    this.articles = articles;
    this.search = search;
    this.identity = identity;
  }

  /** The published articles that best match: ?text=...&serviceType=...&affectedSystem=... */
  @GetMapping
  public ResponseEntity<?> search(@RequestParam(defaultValue = "") String text,
      @RequestParam(required = false) String serviceType, @RequestParam(required = false) String affectedSystem,
      @RequestParam(defaultValue = "10") int maxResults) {
    if (!isOneOf(READERS)) {
      return refused("The knowledge base is for IT staff");
    }
    if (maxResults < 1 || maxResults > 100) {
      return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
          "maxResults: " + maxResults + " is not from 1 to 100"));
    }
    return ResponseEntity.ok(search.suggest(new ArticleSearch.Query(serviceType, affectedSystem, text), maxResults));
  }

  /** Every version of the article, the published one and those before, in review or sent back. */
  @GetMapping("/{id}")
  public ResponseEntity<?> article(@PathVariable String id) {
    if (!isOneOf(READERS)) {
      return refused("The knowledge base is for IT staff");
    }
    List<Article> versions = articles.versions(id);
    return versions.isEmpty() ? notFound(id) : ResponseEntity.ok(Map.of("id", id, "versions", versions));
  }

  /** First line no longer finds it; its versions and the tickets it solved stay. */
  @PostMapping("/{id}/retire")
  public ResponseEntity<?> retire(@PathVariable String id) {
    if (!isOneOf(RETIRERS)) {
      return refused("Process owners and service managers retire articles");
    }
    if (articles.versions(id).isEmpty()) {
      return notFound(id);
    }
    articles.retire(id, identity.getCurrentAuthentication().getUserId());
    return ResponseEntity.noContent().build();
  }

  private boolean isOneOf(List<String> groups) {
    Authentication user = identity.getCurrentAuthentication();
    return Roles.isOperator(user) || groups.stream().anyMatch(group -> Roles.isMember(user, group));
  }

  private static ResponseEntity<ProblemDetail> refused(String why) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, why));
  }

  private static ResponseEntity<ProblemDetail> notFound(String id) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
        "There is no article " + id));
  }
}
