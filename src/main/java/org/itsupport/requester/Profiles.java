package org.itsupport.requester;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.itsupport.shared.WithoutCallersAuthorizations;

/** What the start form fills in for whoever is signed in: their name, department and contact from the directory. */
public final class Profiles {

  /** The user info key of a user's department (Admin, or the demo users' configuration). */
  public static final String DEPARTMENT = "department";

  /** The requester fields of the start form, as this user's profile has them. */
  public record Profile(String userId, String requesterName, String requesterDepartment, String requesterContact) {
  }

  private Profiles() {
  }

  public static Profile of(IdentityService identity, String userId) {
    return WithoutCallersAuthorizations.read(identity, () -> {
      User user = identity.createUserQuery().userId(userId).singleResult();
      if (user == null) {
        return new Profile(userId, null, null, null);
      }
      String name = String.join(" ", nonBlank(user.getFirstName()), nonBlank(user.getLastName())).trim();
      return new Profile(userId, name.isEmpty() ? userId : name, identity.getUserInfo(userId, DEPARTMENT),
          user.getEmail());
    });
  }

  private static String nonBlank(String text) {
    return text == null ? "" : text.trim();
  }
}
