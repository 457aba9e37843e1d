package org.itsupport.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At every start: the role groups (unless an external directory such as LDAP owns them), their
 * authorizations and the shared Tasklist filters. Idempotent.
 */
@Component
@Order(1)
public class RoleSetup implements ApplicationRunner {

  private final IdentityService identity;
  private final RoleAuthorizations authorizations;
  private final TasklistFilters filters;

  public RoleSetup(IdentityService identity, RoleAuthorizations authorizations, TasklistFilters filters) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!identity.isReadOnly()) {
      for (Roles.Role role : Roles.ALL) {
        if (identity.createGroupQuery().groupId(role.id()).count() == 0) {
          Group group = identity.newGroup(role.id());
          group.setName(role.name());
          group.setType("WORKFLOW");
          identity.saveGroup(group);
        }
      }
    }
    authorizations.grant();
    filters.create();
  }
}
