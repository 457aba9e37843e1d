package org.itsupport.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class DeploymentTest {

  @Autowired
  RepositoryService repository;

  @Test
  void oneDeploymentCarriesEveryModelUnderItsClasspathName() throws IOException {
    List<Deployment> deployments = repository.createDeploymentQuery().deploymentName("it-support").list();
    assertThat(deployments).hasSize(1);

    List<String> deployed = repository.getDeploymentResources(deployments.get(0).getId()).stream()
        .map(Resource::getName).sorted().toList();
    assertThat(deployed).containsExactlyElementsOf(modelFiles());
  }

  /** Every file in processes/, decisions/ and forms/ as a classpath-relative name. */
  private static List<String> modelFiles() throws IOException {
    try (Stream<Path> files = Stream.of("processes", "decisions", "forms").flatMap(DeploymentTest::list)) {
      return files.map(path -> path.toString().replace('\\', '/')).sorted().toList();
    }
  }

  private static Stream<Path> list(String folder) {
    try {
      return Files.list(Path.of(folder)).map(file -> Path.of(folder).resolve(file.getFileName()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
