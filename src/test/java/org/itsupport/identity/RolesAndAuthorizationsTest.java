package org.itsupport.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.itsupport.identity.TasklistFilters.AWAITING_MY_APPROVAL;
import static org.itsupport.identity.TasklistFilters.MY_GROUPS_TASKS;
import static org.itsupport.identity.TasklistFilters.MY_OWN_TASKS;
import static org.itsupport.identity.TasklistFilters.P1_P2_OPEN;
import static org.itsupport.model.TicketVariables.*;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.itsupport.ApplicationTest;
import org.itsupport.ticket.SampleIntake;
import org.itsupport.model.TicketProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo people, their groups, the Tasklist filters and who may see and do what. */
@ApplicationTest
class RolesAndAuthorizationsTest {

  @Autowired
  IdentityService identity;
  @Autowired
  AuthorizationService authorizations;
  @Autowired
  FilterService filters;
  @Autowired
  TaskService tasks;
  @Autowired
  RuntimeService runtime;
  @Autowired
  FormService forms;
  @Autowired
  RepositoryService repository;
  @Autowired
  ManagementService management;

  @AfterEach
  void signOut() {
    identity.clearAuthentication();
  }

  @Test
  void everyRoleHasAGroupAndDemoUsers() {
    assertThat(identity.createGroupQuery().list()).extracting(Group::getId)
        .containsAll(Roles.allIds()).contains("camunda-admin");
    for (String group : Roles.allIds()) {
      assertThat(identity.createUserQuery().memberOfGroup(group).count()).as("members of %s", group).isPositive();
    }
    assertThat(groupsOf("nick")).containsExactlyInAnyOrder("network-support", "change-approvers");
    assertThat(groupsOf("admin")).contains("camunda-admin");
    assertThat(identity.checkPassword("alice", "demo")).isTrue();
  }

  @Test
  void filtersAreSharedWithTheRolesTheyServe() {
    assertThat(visibleFilters("alice")).containsExactly(MY_OWN_TASKS);
    assertThat(visibleFilters("dora")).containsExactlyInAnyOrder(MY_OWN_TASKS, MY_GROUPS_TASKS, P1_P2_OPEN);
    assertThat(visibleFilters("carl"))
        .containsExactlyInAnyOrder(MY_OWN_TASKS, MY_GROUPS_TASKS, AWAITING_MY_APPROVAL, P1_P2_OPEN);
    assertThat(visibleFilters("audrey")).containsExactly(MY_OWN_TASKS);
  }

  @Test
  void agentsSeeOnlyTheirGroupsTasks_requestersOnlyTheirOwn() {
    ProcessInstance ticket = startAs("alice", Map.of(IMPACT, "department", URGENCY, "critical"));
    Task firstLine = tasks.createTaskQuery().processInstanceId(ticket.getId()).singleResult();

    assertThat(as("dora", () -> tasks.createTaskQuery().processInstanceId(ticket.getId()).count())).isEqualTo(1);
    assertThat(as("hank", () -> tasks.createTaskQuery().processInstanceId(ticket.getId()).count())).isZero();
    assertThat(as("alice", () -> tasks.createTaskQuery().processInstanceId(ticket.getId()).count())).isZero();
    // the ticket's data stays out of reach; what the task card shows comes with the task
    assertThat(as("dora", () -> runtime.createVariableInstanceQuery().processInstanceIdIn(ticket.getId())
        .variableName(TICKET_NUMBER).count())).isZero();
    assertThat(as("dora", () -> tasks.getVariableLocal(firstLine.getId(), CARD_TICKET_NUMBER)))
        .isEqualTo(ticket.getBusinessKey());
    assertThat(as("mia", () -> runtime.createVariableInstanceQuery().processInstanceIdIn(ticket.getId())
        .variableName(TICKET_NUMBER).count())).isEqualTo(1);

    // the filters find it for the service desk: its group's queue, and P1/P2 open (department + critical = P2)
    assertThat(as("dora", () -> filteredTaskIds(MY_GROUPS_TASKS))).contains(firstLine.getId());
    assertThat(as("dora", () -> filteredTaskIds(P1_P2_OPEN))).contains(firstLine.getId());
    assertThat(as("mia", () -> filteredTaskIds(MY_GROUPS_TASKS))).doesNotContain(firstLine.getId());

    // dora reads the form and works the task
    assertThat(as("dora", () -> readAll(forms.getDeployedTaskForm(firstLine.getId())))).contains("firstLineOutcome");
    as("dora", () -> {
      tasks.claim(firstLine.getId(), "dora");
      forms.submitTaskForm(firstLine.getId(), Map.of(FIRST_LINE_NOTES, "Unlocked the account",
          FIRST_LINE_OUTCOME, "solved", RESOLUTION, "Account unlocked"));
      return null;
    });

    Task verify = tasks.createTaskQuery().processInstanceId(ticket.getId()).singleResult();
    assertThat(verify.getAssignee()).isEqualTo("alice");
    assertThat(as("alice", () -> filteredTaskIds(MY_OWN_TASKS))).contains(verify.getId());
    assertThat(as("alice", () -> readAll(forms.getDeployedTaskForm(verify.getId())))).contains("verificationResult");
    assertThat(as("bob", () -> tasks.createTaskQuery().processInstanceId(ticket.getId()).count())).isZero();
    assertThat(as("dora", () -> tasks.createTaskQuery().processInstanceId(ticket.getId()).count())).isZero();
  }

  @Test
  void requestersAndTheServiceDeskStartTickets_othersCannot() {
    assertThat(allowed("alice", CREATE_INSTANCE, PROCESS_DEFINITION, TicketProcess.KEY)).isTrue();
    assertThat(allowed("dora", CREATE_INSTANCE, PROCESS_DEFINITION, TicketProcess.KEY)).isTrue();
    assertThat(allowed("audrey", CREATE_INSTANCE, PROCESS_DEFINITION, TicketProcess.KEY)).isFalse();
    assertThat(allowed("hank", CREATE_INSTANCE, PROCESS_DEFINITION, TicketProcess.KEY)).isFalse();

    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(TicketProcess.KEY)
        .latestVersion().singleResult().getId();
    assertThat(as("alice", () -> readAll(forms.getDeployedStartForm(definitionId)))).contains("serviceType");
    ProcessInstance ticket = startAs("alice", Map.of());
    assertThat(runtime.getVariable(ticket.getId(), INITIATOR_ID)).isEqualTo("alice");
    assertThat(runtime.getVariable(ticket.getId(), REQUESTER_ID)).isEqualTo("alice");
  }

  @Test
  void cockpitIsForManagersOwnersAndAuditors_processOwnersMayDeployDecisions() {
    for (String user : List.of("mia", "olga", "audrey", "admin")) {
      assertThat(allowed(user, ACCESS, APPLICATION, "cockpit")).as(user).isTrue();
    }
    for (String user : List.of("alice", "dora", "hank", "carl")) {
      assertThat(allowed(user, ACCESS, APPLICATION, "cockpit")).as(user).isFalse();
      assertThat(allowed(user, ACCESS, APPLICATION, "tasklist")).as(user).isTrue();
    }
    assertThat(allowed("olga", CREATE, DEPLOYMENT, "*")).isTrue();
    assertThat(allowed("audrey", CREATE, DEPLOYMENT, "*")).isFalse();
    assertThat(allowed("audrey", READ, DEPLOYMENT, "*")).isTrue();
    assertThat(allowed("admin", ACCESS, APPLICATION, "admin")).isTrue();
    assertThat(allowed("olga", ACCESS, APPLICATION, "admin")).isFalse();
  }

  private ProcessInstance startAs(String user, Map<String, Object> overrides) {
    Map<String, Object> intake = SampleIntake.intake(overrides);
    intake.remove(REQUESTER_ID); // the signed-in user is the requester
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(TicketProcess.KEY)
        .latestVersion().singleResult().getId();
    ProcessInstance ticket = as(user, () -> forms.submitStartForm(definitionId, intake));
    // the job executor is off in tests: run the registration's asynchronous continuation
    management.executeJob(management.createJobQuery().processInstanceId(ticket.getId()).singleResult().getId());
    return ticket;
  }

  private List<String> groupsOf(String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  private List<String> visibleFilters(String user) {
    return as(user, () -> filters.createTaskFilterQuery().list().stream().map(Filter::getName).toList());
  }

  private List<String> filteredTaskIds(String filterName) {
    Filter filter = filters.createFilterQuery().filterName(filterName).singleResult();
    return filters.<Task>list(filter.getId()).stream().map(Task::getId).toList();
  }

  private boolean allowed(String user, org.camunda.bpm.engine.authorization.Permission permission,
      org.camunda.bpm.engine.authorization.Resource resource, String resourceId) {
    return authorizations.isUserAuthorized(user, groupsOf(user), permission, resource, resourceId);
  }

  private <T> T as(String user, Supplier<T> action) {
    identity.setAuthentication(user, groupsOf(user));
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  private static String readAll(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
