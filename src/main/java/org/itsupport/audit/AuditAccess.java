package org.itsupport.audit;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.itsupport.model.TicketProcess;

/** Who may audit tickets: whoever may read the ticket process's history (auditors, service managers, admins). */
public final class AuditAccess {

  private AuditAccess() {
  }

  /** The engine's own authorizations decide; without a signed-in user the engine checks nothing either. */
  public static boolean mayAudit(ProcessEngine engine, Authentication user) {
    return user == null || !engine.getProcessEngineConfiguration().isAuthorizationEnabled()
        || engine.getAuthorizationService().isUserAuthorized(user.getUserId(), user.getGroupIds(),
        Permissions.READ_HISTORY, Resources.PROCESS_DEFINITION, TicketProcess.KEY);
  }

  /** For the engine's signed-in user. */
  public static boolean mayAudit(ProcessEngine engine) {
    return mayAudit(engine, engine.getIdentityService().getCurrentAuthentication());
  }
}
