package org.itsupport.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.itsupport.identity.Roles;
import org.springframework.stereotype.Component;

/**
 * Process owners may deploy decision tables (with their test sheets) and nothing else. Camunda's DEPLOYMENT
 * CREATE permission covers every kind of resource, so this refuses a deployment by a signed-in user outside
 * camunda-admin that contains anything but .dmn and .csv files. The application's own deployment at start-up
 * has no signed-in user. Deployments made earlier are not checked again when the engine loads them.
 */
@Component
public class DecisionTablesOnly extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
    preDeployers.add(DecisionTablesOnly::check);
    configuration.setCustomPreDeployers(preDeployers);
  }

  static void check(DeploymentEntity deployment) {
    // deployers also run when the engine parses an existing deployment again (after a restart, on a cache miss),
    // under whoever's call needed the definition; only a new deployment is someone's deploying
    if (!deployment.isNew()) {
      return;
    }
    Authentication user = Context.getCommandContext().getAuthentication();
    if (user == null || Roles.isOperator(user)) {
      return;
    }
    Map<String, ResourceEntity> resources = deployment.getResources();
    List<String> refused = resources == null ? List.of()
        : resources.keySet().stream().filter(name -> !name.endsWith(".dmn") && !name.endsWith(".csv")).sorted()
            .toList();
    if (!refused.isEmpty()) {
      throw new AuthorizationException("User '" + user.getUserId() + "' may deploy decision tables (.dmn) and "
          + "their test sheets (.csv) only, not " + String.join(", ", refused));
    }
  }
}
