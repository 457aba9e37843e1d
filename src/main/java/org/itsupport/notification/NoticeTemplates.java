package org.itsupport.notification;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The wording of the notices: one Mustache file per kind, {@code <location><language>/<kind>.txt}, whose first
 * line is {@code Subject: ...} and the rest, after a blank line, the body. Changing the wording needs no code, a
 * second language only a folder of new files (README, Notifications).
 */
@Component
public class NoticeTemplates {

  private static final String SUBJECT = "Subject:";

  /** What a notice says: its subject line and its text. */
  public record Wording(String subject, String body) {
  }

  private final ResourceLoader resources;
  private final String location;
  private final String language;
  private final Mustache.Compiler compiler = Mustache.compiler().escapeHTML(false).defaultValue("");
  private final Map<String, Template[]> compiled = new ConcurrentHashMap<>();

  public NoticeTemplates(ResourceLoader resources,
      @Value("${itsupport.notifications.templates}") String location,
      @Value("${itsupport.notifications.language}") String language) {
    this.resources = resources;
    this.location = location.endsWith("/") ? location : location + "/";
    this.language = language;
  }

  /** The kind's wording with the given facts filled in; a kind without a file is a technical failure. */
  public Wording render(String kind, Map<String, ?> facts) {
    Template[] template = compiled.computeIfAbsent(kind, this::compile);
    return new Wording(template[0].execute(facts).strip(), template[1].execute(facts).strip() + "\n");
  }

  private Template[] compile(String kind) {
    String file = location + language + "/" + kind + ".txt";
    Resource resource = resources.getResource(file);
    String text;
    try (var in = resource.getInputStream()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new IllegalStateException("There is no notice template " + file, e);
    }
    int lineEnd = text.indexOf('\n');
    if (!text.startsWith(SUBJECT) || lineEnd < 0) {
      throw new IllegalStateException("The notice template " + file + " must start with a line 'Subject: ...'");
    }
    return new Template[] {compiler.compile(text.substring(SUBJECT.length(), lineEnd)),
        compiler.compile(text.substring(lineEnd + 1))};
  }
}
