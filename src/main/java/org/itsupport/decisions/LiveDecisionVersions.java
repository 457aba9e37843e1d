package org.itsupport.decisions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessApplicationDeployment;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says at start-up when a live decision table is not the application's own copy in decisions/. The
 * application deploys its copy of a table only when that copy changed (isDeployChangedOnly), so a restart
 * never replaces a newer version a process owner deployed; a release whose copy changed does. Both cases
 * are logged as warnings at every start until the live table and the committed copy agree again.
 */
@Component
public class LiveDecisionVersions {

  /** The process archive's deployment name in META-INF/processes.xml. */
  static final String APPLICATION_DEPLOYMENT = "it-support";
  private static final Logger LOG = LoggerFactory.getLogger(LiveDecisionVersions.class);

  private final RepositoryService repository;

  public LiveDecisionVersions(RepositoryService repository) {
    this.repository = repository;
  }

  @EventListener(PostDeployEvent.class)
  public void report() {
    for (String key : DecisionContracts.BY_KEY.keySet().stream().sorted().toList()) {
      DecisionDefinition live = version(key, null);
      if (live != null) {
        warnIfAnOwnersVersionStaysLive(key, live);
        warnIfAReleaseReplacedAnOwnersVersion(key, live);
      }
    }
  }

  private void warnIfAnOwnersVersionStaysLive(String key, DecisionDefinition live) {
    Deployment liveFrom = deployment(live);
    if (!isRelease(liveFrom) && !Arrays.equals(content(live), applicationCopy(key))) {
      LOG.warn("Decision table '{}': version {}, deployed on {} as '{}', stays live and differs from the "
          + "application's copy decisions/{}.dmn. Commit the live table there so that the next release keeps it.",
          key, live.getVersion(), liveFrom.getDeploymentTime().toInstant(), liveFrom.getName(), key);
    }
  }

  private void warnIfAReleaseReplacedAnOwnersVersion(String key, DecisionDefinition live) {
    if (live.getVersion() == 1 || !isRelease(deployment(live))) {
      return;
    }
    DecisionDefinition previous = version(key, live.getVersion() - 1);
    Deployment previousFrom = deployment(previous);
    if (!isRelease(previousFrom) && !Arrays.equals(content(previous), content(live))) {
      LOG.warn("Decision table '{}': the application's own version {}, deployed on {}, replaced version {} that "
          + "was deployed as '{}' on {}. Check that decisions/{}.dmn contains those changes.", key, live.getVersion(),
          deployment(live).getDeploymentTime().toInstant(), previous.getVersion(), previousFrom.getName(),
          previousFrom.getDeploymentTime().toInstant(), key);
    }
  }

  /** A deployment the application made of its own models at start-up (not a redeploy, not Modeler). */
  private static boolean isRelease(Deployment deployment) {
    return APPLICATION_DEPLOYMENT.equals(deployment.getName())
        && ProcessApplicationDeployment.PROCESS_APPLICATION_DEPLOYMENT_SOURCE.equals(deployment.getSource());
  }

  private DecisionDefinition version(String key, Integer version) {
    var query = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key);
    return (version == null ? query.latestVersion() : query.decisionDefinitionVersion(version)).singleResult();
  }

  private Deployment deployment(DecisionDefinition definition) {
    return repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult();
  }

  private byte[] content(DecisionDefinition definition) {
    try (InputStream in = repository.getResourceAsStream(definition.getDeploymentId(), definition.getResourceName())) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] applicationCopy(String key) {
    try (InputStream in = LiveDecisionVersions.class.getClassLoader().getResourceAsStream("decisions/" + key + ".dmn")) {
      return in == null ? new byte[0] : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
