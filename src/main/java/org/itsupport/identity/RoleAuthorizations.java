package org.itsupport.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.TASK_ASSIGN;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;
import static org.camunda.bpm.engine.authorization.Resources.USER;
import static org.itsupport.identity.Roles.*;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.itsupport.model.ArticleProcess;
import org.itsupport.model.TicketProcess;
import org.itsupport.model.ProblemProcess;
import org.itsupport.model.ServiceReviewProcess;
import org.springframework.stereotype.Component;

/**
 * What each role may see and do. Task access itself is not granted here: the engine grants it to a task's
 * candidate groups and assignee, so agents see only their groups' tasks and requesters only their own.
 */
@Component
public class RoleAuthorizations {

  private final AuthorizationService authorizations;

  public RoleAuthorizations(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  /** Adds the missing grants; existing ones, and any an administrator added, stay. The README's role matrix. */
  public void grant() {
    for (String group : Roles.allIds()) {
      grant(group, APPLICATION, "tasklist", ACCESS);
    }
    // the directory, for those whose work needs colleagues' and requesters' names: Tasklist shows who a task is
    // assigned to, managers reassign, the service desk opens tickets for callers, auditors read who did what.
    // Requesters and process owners see themselves only (Camunda grants every user their own profile).
    for (String group : Roles.allIds()) {
      if (Roles.AGENTS.contains(group) || AUDITORS.equals(group)) {
        grant(group, USER, ANY, READ);
      } else {
        revoke(group, USER, ANY, READ);
      }
    }

    // requesters (and the service desk, for phone and walk-in tickets) open tickets; the requester answers
    // questions in the process the ticket calls; their own tasks they get as assignee
    for (String group : List.of(REQUESTERS, SERVICE_DESK)) {
      grant(group, PROCESS_DEFINITION, TicketProcess.KEY, READ, CREATE_INSTANCE);
      grant(group, PROCESS_INSTANCE, ANY, CREATE);
    }
    grant(REQUESTERS, PROCESS_DEFINITION, TicketProcess.QUESTION_KEY, READ);

    // agents: the forms and diagram of their tasks; the tasks themselves come with the candidate group
    for (String group : AGENTS) {
      grant(group, PROCESS_DEFINITION, TicketProcess.KEY, READ);
      grant(group, PROCESS_DEFINITION, TicketProcess.QUESTION_KEY, READ);
    }
    // specialists investigate the problems of recurring tickets: the forms and diagram of those tasks
    for (String group : AGENTS) {
      grant(group, PROCESS_DEFINITION, ProblemProcess.KEY, READ);
    }
    // agents and process owners propose knowledge articles; process owners and service managers review them
    for (String group : STAFF) {
      grant(group, PROCESS_DEFINITION, ArticleProcess.KEY, READ, CREATE_INSTANCE);
      grant(group, PROCESS_INSTANCE, ANY, CREATE);
    }

    // service managers see every ticket and escalation and reassign work
    grant(SERVICE_MANAGERS, APPLICATION, "cockpit", ACCESS);
    grant(SERVICE_MANAGERS, PROCESS_DEFINITION, ANY, READ, READ_INSTANCE, READ_HISTORY);
    grant(SERVICE_MANAGERS, PROCESS_INSTANCE, ANY, READ);
    grant(SERVICE_MANAGERS, TASK, ANY, READ, TASK_ASSIGN);
    grant(SERVICE_MANAGERS, DECISION_DEFINITION, ANY, READ, READ_HISTORY);
    // and hold the monthly service review, which they may also start for a past month
    grant(SERVICE_MANAGERS, PROCESS_DEFINITION, ServiceReviewProcess.KEY, READ, CREATE_INSTANCE);
    grant(SERVICE_MANAGERS, PROCESS_INSTANCE, ANY, CREATE);

    // process owners read the definitions and deploy decision tables (DecisionTablesOnly refuses anything else);
    // they see how their tables decided (the evaluations' inputs and outputs), not the tickets themselves
    grant(PROCESS_OWNERS, APPLICATION, "cockpit", ACCESS);
    grant(PROCESS_OWNERS, DEPLOYMENT, ANY, CREATE, READ);
    grant(PROCESS_OWNERS, DECISION_DEFINITION, ANY, READ, READ_HISTORY);
    grant(PROCESS_OWNERS, DECISION_REQUIREMENTS_DEFINITION, ANY, READ);
    grant(PROCESS_OWNERS, PROCESS_DEFINITION, ANY, READ);

    // auditors read everything, history included, and change nothing
    grant(AUDITORS, APPLICATION, "cockpit", ACCESS);
    grant(AUDITORS, DEPLOYMENT, ANY, READ);
    grant(AUDITORS, PROCESS_DEFINITION, ANY, READ, READ_INSTANCE, READ_HISTORY);
    grant(AUDITORS, PROCESS_INSTANCE, ANY, READ);
    grant(AUDITORS, TASK, ANY, READ);
    grant(AUDITORS, DECISION_DEFINITION, ANY, READ, READ_HISTORY);
    grant(AUDITORS, DECISION_REQUIREMENTS_DEFINITION, ANY, READ);
  }

  /** Takes a permission back that an earlier release granted. */
  private void revoke(String group, Resource resource, String resourceId, Permission permission) {
    Authorization authorization = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(group).resourceType(resource).resourceId(resourceId)
        .singleResult();
    if (authorization != null && authorization.isPermissionGranted(permission)) {
      authorization.removePermission(permission);
      authorizations.saveAuthorization(authorization);
    }
  }

  public void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(group).resourceType(resource).resourceId(resourceId)
        .singleResult();
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(group);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }
}
