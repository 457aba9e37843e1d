package org.itsupport.deployment;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.itsupport.model.TicketProcess;
import org.itsupport.ticket.ForgetPreviousAnswers;
import org.itsupport.ticket.RecordCompleter;
import org.itsupport.ticket.ShowTicketOnTask;
import org.itsupport.ticket.ValidateTaskInput;
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
  @Autowired
  ValidateTaskInput validateTaskInput;
  @Autowired
  ShowTicketOnTask showTicketOnTask;
  @Autowired
  ForgetPreviousAnswers forgetPreviousAnswers;
  @Autowired
  RecordCompleter recordCompleter;

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

  @Test
  void everyUserTaskOfTheDeployedProcesses_isValidatedAndGetsItsTicketCard() {
    for (String key : List.of(TicketProcess.KEY, TicketProcess.QUESTION_KEY)) {
      ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
          .singleResult();
      List<ActivityImpl> userTasks = userTasks((ScopeImpl) ((RepositoryServiceImpl) repository)
          .getDeployedProcessDefinition(latest.getId()));
      assertThat(userTasks).as("user tasks of %s", key).isNotEmpty();
      for (ActivityImpl task : userTasks) {
        TaskDefinition definition = ((UserTaskActivityBehavior) task.getActivityBehavior()).getTaskDefinition();
        assertThat(task.getListeners(ExecutionListener.EVENTNAME_END)).as("end listeners of %s", task.getId())
            .contains(validateTaskInput);
        assertThat(definition.getTaskListeners().get(TaskListener.EVENTNAME_CREATE)).as("create listeners of %s", task.getId())
            .contains(showTicketOnTask, forgetPreviousAnswers);
        assertThat(definition.getTaskListeners().get(TaskListener.EVENTNAME_COMPLETE))
            .as("complete listeners of %s", task.getId()).contains(recordCompleter);
      }
    }
  }

  private static List<ActivityImpl> userTasks(ScopeImpl scope) {
    List<ActivityImpl> found = new ArrayList<>();
    for (ActivityImpl activity : scope.getActivities()) {
      if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior) {
        found.add(activity);
      }
      found.addAll(userTasks(activity));
    }
    return found;
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
