package org.itsupport.browser;

import static org.assertj.core.api.Assertions.assertThat;

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
 * A browser's session with one of Camunda's webapps (Cockpit, Tasklist), without the browser: the session cookie
 * from the webapp's login form and the XSRF token the webapps require on every request that changes something.
 */
public final class WebappSession {

  private final String base;
  private final String app;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;

  private WebappSession(int port, String app) {
    this.base = "http://127.0.0.1:" + port + "/camunda";
    this.app = app;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  /** A Cockpit session nobody has logged into yet. */
  public static WebappSession anonymous(int port) {
    return anonymous(port, "cockpit");
  }

  /** A session with the webapp ("cockpit", "tasklist") nobody has logged into yet. */
  public static WebappSession anonymous(int port, String app) {
    WebappSession session = new WebappSession(port, app);
    session.get("/app/" + app + "/default/"); // hands out the XSRF token
    return session;
  }

  /** A session of a demo user (password demo) logged into the webapp; the test fails when the login does. */
  public static WebappSession loggedIn(int port, String app, String user) {
    WebappSession session = anonymous(port, app);
    assertThat(session.login(user, "demo")).as("%s logs into %s", user, app).isEqualTo(200);
    return session;
  }

  /** Logs into the webapp the way its login form does; the status tells whether it worked. */
  public int login(String user, String password) {
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    int status = send("POST", "/api/admin/auth/user/default/login/" + app, form,
        "application/x-www-form-urlencoded").statusCode();
    get("/api/admin/auth/user/default"); // as the webapp does next: the new session hands out its own XSRF token
    return status;
  }

  /** A GET of a path under /camunda, such as /api/cockpit/plugin/ticket-audit/default/access. */
  public HttpResponse<String> get(String path) {
    return send("GET", path, null, null);
  }

  public HttpResponse<String> send(String method, String path, String body, String contentType) {
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
