package org.itsupport.decisions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.itsupport.identity.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A dry run of the guard at the door: {@code POST /api/decisions/check} takes the same multipart files as a
 * deployment (a table, optionally its test sheet) and says what the guard would refuse, without deploying.
 * For process owners and the admin; authentication: HTTP Basic (see RestApiSecurity).
 */
@RestController
public class DecisionCheckController {

  private final DecisionTableGuard guard;
  private final IdentityService identity;

  public DecisionCheckController(DecisionTableGuard guard, IdentityService identity) {
    this.guard = guard;
    this.identity = identity;
  }

  /** What a deployment of these files would meet: accepted when there are no problems. */
  public record CheckResult(boolean wouldDeploy, List<String> problems) {
  }

  @PostMapping(path = "/api/decisions/check", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<?> check(@RequestParam MultiValueMap<String, MultipartFile> parts) {
    if (!mayDeployTables(identity.getCurrentAuthentication())) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
          "Only process owners check and deploy decision tables"));
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    parts.values().stream().flatMap(List::stream).forEach(file -> files.put(file.getOriginalFilename(), bytes(file)));
    if (files.keySet().stream().noneMatch(name -> name != null && name.endsWith(".dmn"))) {
      return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
          "No .dmn file in the request: send the table (and optionally its .csv test sheet) as multipart files"));
    }
    List<String> problems = guard.check(files);
    return ResponseEntity.ok(new CheckResult(problems.isEmpty(), problems));
  }

  private static boolean mayDeployTables(Authentication user) {
    return Roles.isMember(user, Roles.PROCESS_OWNERS) || Roles.isOperator(user);
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
