package org.itsupport.notification;

import static org.itsupport.model.TicketVariables.CLOSURE_REASON;
import static org.itsupport.model.TicketVariables.ESCALATION_GROUP;
import static org.itsupport.model.TicketVariables.NOTIFY;
import static org.itsupport.model.TicketVariables.REQUESTER_CONTACT;
import static org.itsupport.model.TicketVariables.REQUESTER_ID;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.core.variable.CoreVariableInstance;
import org.camunda.bpm.engine.impl.core.variable.scope.AbstractVariableScope;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.itsupport.shared.EngineClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the ticket tells people, called from the models' listeners and service tasks ({@code ${notices...}}): the
 * requester at every step the standards name, and the groups the escalation table names.
 * <p>
 * A notice is worded from its template ({@link NoticeTemplates}) and the ticket's facts, written to the ticket's
 * conversation ({@link NoticeOutbox}) and handed to the engine as a job ({@link NoticeDelivery}), all in the
 * transaction of the step that caused it: it is mailed only once that step committed, and not at all if it
 * rolled back.
 */
@Component("notices")
public class Notices {

  static final String REQUESTER = "requester";
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm z", Locale.ENGLISH);
  /** A requester's contact is used as their address when it is one (a requester who is not a user). */
  private static final Pattern ADDRESS = Pattern.compile("[^@\\s,;<>]+@[^@\\s,;<>]+\\.[^@\\s,;<>]+");

  private final NoticeTemplates templates;
  private final NoticeOutbox outbox;
  private final NoticeRetries retries;
  private final ZoneId zone;
  private final String tasklist;

  public Notices(NoticeTemplates templates, NoticeOutbox outbox, NoticeRetries retries,
      @Value("${itsupport.business-calendar.time-zone}") ZoneId zone,
      @Value("${itsupport.notifications.base-url}") String baseUrl) {
    this.templates = templates;
    this.outbox = outbox;
    this.retries = retries;
    this.zone = zone;
    this.tasklist = baseUrl.replaceAll("/+$", "") + "/camunda/app/tasklist/default/";
  }

  /** Tells the requester about a step of their ticket. */
  public void tell(DelegateExecution execution, String kind) {
    send(execution, kind, REQUESTER, tasklist);
  }

  /** A task for the requester was created (verify, rate, answer): the notice links to it. */
  public void ask(DelegateTask task, String kind) {
    send(task.getExecution(), kind, REQUESTER, tasklist + "#/?task=" + task.getId());
  }

  /** The requester has not done what their open task asks (answer, verify, rate): the reminder links to it. */
  public void remind(DelegateExecution execution, String kind) {
    String requesterId = (String) execution.getVariable(REQUESTER_ID);
    List<Task> open = requesterId == null ? List.of() : execution.getProcessEngineServices().getTaskService()
        .createTaskQuery().processInstanceId(execution.getProcessInstanceId()).taskAssignee(requesterId).list();
    send(execution, kind, REQUESTER, open.isEmpty() ? tasklist : tasklist + "#/?task=" + open.get(0).getId());
  }

  /** "Remind to verify": the requester is reminded, and the service desk asked to chase the answer. */
  public void remindToVerify(DelegateExecution ticket) {
    remind(ticket, "verification-reminder");
    inform(ticket, "verification-chase", "service-desk");
  }

  /** An agent writes to the requester from their task (the task's "Conversation" tab in Tasklist). */
  public void message(DelegateExecution execution, String author, String text) {
    send(execution, "agent-message", REQUESTER, tasklist, Map.of("author", author, "message", text));
  }

  /** Tells the given groups (comma-separated Camunda group ids). */
  public void inform(DelegateExecution execution, String kind, String groups) {
    send(execution, kind, groups, tasklist);
  }

  /**
   * "Escalate ticket" reached a rung: whom the escalation table names (its output notify) hear of it, the agents
   * in one wording and the requester in another.
   */
  public void escalated(DelegateExecution ticket) {
    List<String> notify = split((String) ticket.getVariable(NOTIFY));
    String groups = String.join(",", notify.stream().filter(r -> !REQUESTER.equals(r)).toList());
    if (!groups.isEmpty()) {
      send(ticket, "escalation", groups, tasklist,
          Map.of("escalationGroupName", groupName((String) ticket.getVariable(ESCALATION_GROUP))));
    }
    if (notify.contains(REQUESTER)) {
      tell(ticket, "escalation-requester");
    }
  }

  private void send(DelegateExecution execution, String kind, String recipients, String link) {
    send(execution, kind, recipients, link, Map.of());
  }

  private void send(DelegateExecution execution, String kind, String recipients, String link,
      Map<String, Object> extraFacts) {
    // a called process (the requester question) writes on the ticket that called it
    DelegateExecution caller = execution.getProcessInstance().getSuperExecution();
    ExecutionEntity ticket = (ExecutionEntity) (caller != null ? caller : execution).getProcessInstance();
    Map<String, Object> facts = facts(ticket, execution);
    facts.put("link", link);
    facts.put("tasklist", tasklist);
    facts.putAll(extraFacts);
    NoticeTemplates.Wording wording = templates.render(kind, facts);
    List<String> addresses = addresses(recipients, execution);
    Notice notice = new Notice(UUID.randomUUID().toString(), ticket.getBusinessKey(), kind, recipients, addresses,
        wording.subject(), wording.body(), EngineClock.now(), addresses.isEmpty() ? Notice.NO_ADDRESS : Notice.PENDING,
        null, 0, null);
    outbox.add(notice, ticket.getId());
    if (!addresses.isEmpty()) {
      deliverAfterCommit(notice, ticket);
    }
  }

  /**
   * The ticket's variables, and the calling step's own (a question's), dates written in the service desk's zone.
   * Only plain values: no template names a Json list (pauses, escalations, suggestions), and each would cost a read
   * of its byte array and its parsing, for every notice.
   */
  private Map<String, Object> facts(DelegateExecution ticket, DelegateExecution execution) {
    Map<String, Object> facts = new HashMap<>();
    putPlainValues((AbstractVariableScope) ticket, facts);
    Map<String, Object> step = new HashMap<>();
    for (AbstractVariableScope scope = (AbstractVariableScope) execution; scope != null;
        scope = scope.getParentVariableScope()) {
      putPlainValues(scope, step); // the nearest scope's value of a name first, as getVariable reads it
    }
    facts.putAll(step);
    facts.replaceAll((name, value) -> value instanceof Date date ? format(date.toInstant()) : value);
    facts.put("closedWithoutReply", "no-reply".equals(facts.get(CLOSURE_REASON)));
    return facts;
  }

  private static void putPlainValues(AbstractVariableScope scope, Map<String, Object> facts) {
    for (CoreVariableInstance variable : scope.getVariableInstancesLocal()) {
      boolean inByteArray = variable instanceof VariableInstanceEntity entity && entity.getByteArrayValueId() != null;
      if (!inByteArray && !facts.containsKey(variable.getName())) {
        facts.put(variable.getName(), variable.getTypedValue(false).getValue());
      }
    }
  }

  private String format(Instant instant) {
    return WHEN.format(instant.atZone(zone));
  }

  /** The group's name as Admin shows it ("Service desk (L1)"), else its id. */
  private static String groupName(String groupId) {
    if (groupId == null) {
      return "";
    }
    CommandContext command = Context.getCommandContext();
    Group group = command.runWithoutAuthorization(() -> command.getReadOnlyIdentityProvider().findGroupById(groupId));
    return group != null && group.getName() != null ? group.getName() : groupId;
  }

  /** "requester" and group ids to the users' addresses; the directory is read as the process, not as the user. */
  private List<String> addresses(String recipients, DelegateExecution execution) {
    CommandContext command = Context.getCommandContext();
    Set<String> addresses = new LinkedHashSet<>();
    for (String recipient : split(recipients)) {
      if (REQUESTER.equals(recipient)) {
        addresses.add(requesterAddress(command, execution));
      } else {
        List<User> members = command.runWithoutAuthorization(() -> command.getReadOnlyIdentityProvider()
            .createUserQuery().memberOfGroup(recipient).list());
        members.stream().map(User::getEmail).forEach(addresses::add);
      }
    }
    addresses.removeIf(address -> address == null || address.isBlank());
    return List.copyOf(addresses);
  }

  private static String requesterAddress(CommandContext command, DelegateExecution execution) {
    String requesterId = (String) execution.getVariable(REQUESTER_ID);
    User user = requesterId == null ? null
        : command.runWithoutAuthorization(() -> command.getReadOnlyIdentityProvider().findUserById(requesterId));
    if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
      return user.getEmail();
    }
    String contact = (String) execution.getVariable(REQUESTER_CONTACT);
    return contact != null && ADDRESS.matcher(contact.trim()).matches() ? contact.trim() : null;
  }

  /**
   * A job of the engine delivers the notice: the job executor sees it only once this transaction committed,
   * retries it with back-off ({@link NoticeRetries}) and raises an incident when it gives up. It belongs to the
   * ticket's process definition but to no execution, so a ticket that ends in this step still gets its notice.
   */
  private void deliverAfterCommit(Notice notice, ExecutionEntity ticket) {
    ProcessDefinitionEntity definition = ticket.getProcessDefinition();
    MessageEntity job = new MessageEntity();
    job.setJobHandlerType(NoticeDelivery.TYPE);
    job.setJobHandlerConfigurationRaw(notice.id());
    job.setProcessDefinitionId(definition.getId());
    job.setProcessDefinitionKey(definition.getKey());
    job.setDeploymentId(definition.getDeploymentId());
    job.setRetries(retries.attempts());
    job.setDuedate(Date.from(notice.createdAt()));
    Context.getCommandContext().getJobManager().send(job);
  }

  private static List<String> split(String list) {
    return list == null ? List.of()
        : Arrays.stream(list.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
  }
}
