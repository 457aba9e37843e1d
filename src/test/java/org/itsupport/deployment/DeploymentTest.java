package org.itsupport.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.itsupport.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ApplicationTest
class DeploymentTest {

  @Autowired
  RepositoryService repository;
  @Autowired
  FormService forms;

  @Test
  void oneDeploymentCarriesEveryModelUnderItsClasspathName() throws IOException {
    List<Deployment> deployments = repository.createDeploymentQuery().deploymentName("it-support").list();
    assertThat(deployments).hasSize(1);

    List<String> deployed = repository.getDeploymentResources(deployments.get(0).getId()).stream()
        .map(Resource::getName).sorted().toList();
    assertThat(deployed).containsExactlyElementsOf(modelFiles());
  }

  @Test
  void aProcessChangeDeployedAloneStillFindsItsForms() throws IOException {
    // isDeployChangedOnly: a release that changes only the BPMN deploys only the BPMN
    Deployment processOnly = repository.createDeployment().name("it-support")
        .addInputStream("processes/it-support-ticket.bpmn",
            Files.newInputStream(Path.of("processes/it-support-ticket.bpmn")))
        .deploy();
    try {
      ProcessDefinition definition = repository.createProcessDefinitionQuery()
          .deploymentId(processOnly.getId()).singleResult();
      try (InputStream form = forms.getDeployedStartForm(definition.getId())) {
        assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"submit-ticket\"");
      }
    } finally {
      repository.deleteDeployment(processOnly.getId(), true);
    }
  }

  /** Every model file in processes/, decisions/ and forms/ as a classpath-relative name; decisions/tests/ holds owners' test sheets. */
  private static List<String> modelFiles() throws IOException {
    try (Stream<Path> files = Stream.of("processes", "decisions", "forms").flatMap(DeploymentTest::list)) {
      return files.map(path -> path.toString().replace('\\', '/')).sorted().toList();
    }
  }

  private static Stream<Path> list(String folder) {
    try {
      return Files.list(Path.of(folder)).filter(Files::isRegularFile)
          .map(file -> Path.of(folder).resolve(file.getFileName()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
