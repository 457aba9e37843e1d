package org.itsupport.security;

import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * The directory's names and e-mail addresses are kept by the operators: they are what tickets, notices and the
 * audit trail show. Camunda lets every user update their own profile; here a user changes only their password.
 */
final class ProfileRules {

  private ProfileRules() {
  }

  static void save(CommandContext context, Authentication user, User changed) {
    User stored = context.runWithoutAuthorization(() -> context.getReadOnlyIdentityProvider()
        .findUserById(changed.getId()));
    if (stored == null) {
      return; // a new user: Camunda's CREATE permission decides, which only operators have
    }
    boolean profileChanged = !Objects.equals(stored.getFirstName(), changed.getFirstName())
        || !Objects.equals(stored.getLastName(), changed.getLastName())
        || !Objects.equals(stored.getEmail(), changed.getEmail());
    if (profileChanged || !changed.getId().equals(user.getUserId())) {
      throw new AuthorizationException("You may change only your own password; names and e-mail addresses are"
          + " kept by the operators (camunda-admin)");
    }
  }
}
