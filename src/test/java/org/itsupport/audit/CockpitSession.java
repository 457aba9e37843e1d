package org.itsupport.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;

/**
 * A browser's session with Cockpit, without the browser: the session cookie from Cockpit's login form and
 * the XSRF token Camunda's webapps require on every request that changes something.
 */
final class CockpitSession {

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;

  private CockpitSession(int port) {
    this.base = "http://127.0.0.1:" + port + "/camunda";
    this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  /** A session nobody has logged into yet. */
  static CockpitSession anonymous(int port) {
    CockpitSession session = new CockpitSession(port);
    session.get("/app/cockpit/default/"); // hands out the XSRF token
    return session;
  }

  /** Logs into Cockpit the way its login form does; the status tells whether it worked. */
  int login(String user, String password) {
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    int status = send("POST", "/api/admin/auth/user/default/login/cockpit", form,
        "application/x-www-form-urlencoded").statusCode();
    get("/api/admin/auth/user/default"); // as Cockpit does next: the new session hands out its own XSRF token
    return status;
  }

  /** A GET of a path under /camunda, such as /api/cockpit/plugin/ticket-audit/default/access. */
  HttpResponse<String> get(String path) {
    return send("GET", path, null, null);
  }

  HttpResponse<String> send(String method, String path, String body, String contentType) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    String token = xsrfToken();
    if (token != null) {
      request.header("X-XSRF-TOKEN", token);
    }
    try {
      return http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String xsrfToken() {
    return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElse(null);
  }
}
