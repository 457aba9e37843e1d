package org.itsupport.shared;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Reads that our own code has already decided the caller may make (their own ticket, their own profile), run
 * as the process rather than as the signed-in user, whose authorizations would hide parts of it (history,
 * other users' tasks, the directory).
 */
public final class WithoutCallersAuthorizations {

  private WithoutCallersAuthorizations() {
  }

  public static <T> T read(IdentityService identity, Supplier<T> read) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return read.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
