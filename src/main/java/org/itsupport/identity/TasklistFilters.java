package org.itsupport.identity;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.itsupport.model.TicketVariables.CARD_PRIORITY;
import static org.itsupport.model.TicketVariables.CARD_TICKET_NUMBER;
import static org.itsupport.model.TicketVariables.CARD_TITLE;
import static org.itsupport.model.TicketVariables.PRIORITY;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.itsupport.model.TicketProcess;
import org.springframework.stereotype.Component;

/** The shared Tasklist filters, urgent work first; each is visible to the roles it serves. */
@Component
public class TasklistFilters {

  public static final String MY_GROUPS_TASKS = "My group's tasks";
  public static final String AWAITING_MY_APPROVAL = "Awaiting my approval";
  public static final String P1_P2_OPEN = "P1/P2 open";
  public static final String MY_OWN_TASKS = "My own tasks";

  /** Tasklist shows these (task-local) variables on each task card. */
  private static final List<Map<String, String>> CARD_VARIABLES = List.of(
      Map.of("name", CARD_TICKET_NUMBER, "label", "Ticket"),
      Map.of("name", CARD_PRIORITY, "label", "Priority"),
      Map.of("name", CARD_TITLE, "label", "Title"));

  private final FilterService filters;
  private final TaskService tasks;
  private final RoleAuthorizations authorizations;

  public TasklistFilters(FilterService filters, TaskService tasks, RoleAuthorizations authorizations) {
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
  }

  /** Creates the filters that do not exist yet; a filter an administrator edited keeps its edits. */
  public void create() {
    create(MY_OWN_TASKS, 1, "Tasks assigned to me",
        urgentFirst(tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")),
        Roles.allIds());
    create(MY_GROUPS_TASKS, 2, "Open tasks of my groups, claimed or not",
        urgentFirst(tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks()),
        Roles.AGENTS);
    create(AWAITING_MY_APPROVAL, 3, "Changes waiting for my approval group",
        urgentFirst(tasks.createTaskQuery().taskDefinitionKey(TicketProcess.APPROVE_CHANGE)
            .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()),
        List.of(Roles.CHANGE_APPROVERS, Roles.SERVICE_MANAGERS));
    create(P1_P2_OPEN, 4, "Open tasks of urgent and high-priority tickets",
        urgentFirst(tasks.createTaskQuery().or()
            .processVariableValueEquals(PRIORITY, "P1")
            .processVariableValueEquals(PRIORITY, "P2")
            .endOr()),
        Roles.AGENTS);
  }

  private static TaskQuery urgentFirst(TaskQuery query) {
    return query.orderByTaskPriority().desc().orderByDueDate().asc();
  }

  private void create(String name, int position, String description, TaskQuery query, List<String> groups) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name)
          .setQuery(query)
          .setProperties(Map.of(
              "description", description,
              "priority", position,
              "refresh", true,
              "variables", CARD_VARIABLES));
      filters.saveFilter(filter);
    }
    for (String group : groups) {
      authorizations.grant(group, FILTER, filter.getId(), READ);
    }
  }
}
