package org.itsupport.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Agents and auditors read the user directory for names (who has a task, whom to assign it to, who did what), not
 * for e-mail addresses: Camunda's USER READ gives both, so the directory's answers leave out other users'
 * addresses for everyone but operators. Requesters and process owners do not read the directory at all.
 */
class DirectoryWithoutEmail extends OncePerRequestFilter {

  /** The user list and a user's profile, on the engine's REST API and on the webapps' mount of it. */
  private static final Pattern DIRECTORY = Pattern.compile(".*/user(/[^/]+/profile)?/?");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final IdentityService identity;

  DirectoryWithoutEmail(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod()) || !DIRECTORY.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, answer);
    String caller = caller(request);
    if (answer.getStatus() == HttpServletResponse.SC_OK && answer.getContentSize() > 0 && !isOperator(caller)) {
      JsonNode body = JSON.readTree(answer.getContentInputStream());
      (body.isArray() ? body : JSON.createArrayNode().add(body)).forEach(user -> {
        if (user instanceof ObjectNode profile && !profile.path("id").asText().equals(caller)) {
          profile.remove("email");
        }
      });
      byte[] stripped = JSON.writeValueAsBytes(body);
      answer.resetBuffer();
      answer.getOutputStream().write(stripped);
    }
    answer.copyBodyToResponse();
  }

  /** Who asked: the REST API's HTTP Basic user, or the webapps' signed-in user. */
  private static String caller(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      String credentials = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      return credentials.contains(":") ? credentials.substring(0, credentials.indexOf(':')) : credentials;
    }
    HttpSession session = request.getSession(false);
    Authentications signedIn = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    if (signedIn != null && signedIn.getAuthenticationForProcessEngine("default") instanceof UserAuthentication user) {
      return user.getIdentityId();
    }
    return null;
  }

  private boolean isOperator(String userId) {
    return userId != null
        && identity.createUserQuery().userId(userId).memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0;
  }
}
