package org.itsupport.security;

import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.*;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.itsupport.identity.Roles;
import org.itsupport.ticket.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What Camunda's authorizations cannot say, checked on every command a signed-in user calls, whichever API it came
 * through (engine REST, the webapps' REST, our own APIs): work on a task is done by whoever claimed it, for
 * themselves; a completion sets the fields of the task's form and nothing else; jobs, incidents and the task's
 * own properties are the operators' (camunda-admin). A refusal happens before the command changes anything, so a
 * refused job execution costs the job no retry. Commands our own code runs without a signed-in user, or from
 * inside another command, are not checked here.
 */
@Component
public class UserCommandRules extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(UserCommandRules.class);

  /**
   * Commands only operators run: the job executor's and the operators' tools, a task's properties, comments and
   * attachments (a ticket's conversation is in its forms, where history records it field by field).
   */
  private static final List<Class<?>> OPERATORS_ONLY = List.of(
      ExecuteJobsCmd.class, SetJobRetriesCmd.class, AbstractSetJobsRetriesBatchCmd.class, SetJobDuedateCmd.class,
      RecalculateJobDuedateCmd.class, SetJobPriorityCmd.class, SetJobDefinitionPriorityCmd.class,
      AbstractSetJobStateCmd.class, AbstractSetJobDefinitionStateCmd.class, DeleteJobCmd.class, DeleteJobsCmd.class,
      UnlockJobCmd.class, CreateIncidentCmd.class, ResolveIncidentCmd.class, SetAnnotationForIncidentCmd.class,
      AbstractSetExternalTaskRetriesCmd.class, SetExternalTaskRetriesCmd.class,
      SaveTaskCmd.class, CreateTaskCmd.class, DeleteTaskCmd.class, DelegateTaskCmd.class, ResolveTaskCmd.class,
      SetTaskNameCmd.class, SetTaskDescriptionCmd.class, SetTaskPriorityCmd.class, SetTaskDueDateCmd.class,
      SetTaskFollowUpDateCmd.class, SetTaskOwnerCmd.class, AddUserIdentityLinkCmd.class,
      AddGroupIdentityLinkCmd.class, DeleteIdentityLinkCmd.class,
      SetTaskVariablesCmd.class, PatchTaskVariablesCmd.class, RemoveTaskVariablesCmd.class,
      AddCommentCmd.class, UpdateCommentCmd.class, DeleteTaskCommentCmd.class, DeleteProcessInstanceCommentCmd.class,
      CreateAttachmentCmd.class, SaveAttachmentCmd.class, DeleteAttachmentCmd.class,
      SetUserInfoCmd.class, DeleteUserInfoCmd.class, SetUserPictureCmd.class, DeleteUserPictureCmd.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(new Interceptor(configuration));
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  /** The rule for a command by a signed-in user who is not an operator, checked in the command's transaction. */
  private static BiConsumer<CommandContext, Authentication> ruleFor(Command<?> command) {
    if (command instanceof ClaimTaskCmd) {
      return (context, user) -> TaskWorkRules.claim(context, user, CommandParameters.text(command, "taskId"),
          CommandParameters.text(command, "userId"));
    }
    if (command instanceof AssignTaskCmd) {
      return (context, user) -> TaskWorkRules.assign(context, user, CommandParameters.text(command, "taskId"),
          CommandParameters.text(command, "userId"));
    }
    if (command instanceof CompleteTaskCmd) {
      return (context, user) -> SubmittedFormFields.check(context, CommandParameters.text(command, "taskId"),
          CommandParameters.map(command, "variables"));
    }
    if (command instanceof SubmitTaskFormCmd) {
      return (context, user) -> SubmittedFormFields.check(context, CommandParameters.text(command, "taskId"),
          CommandParameters.map(command, "properties"));
    }
    if (command instanceof SaveUserCmd) {
      return (context, user) -> ProfileRules.save(context, user, CommandParameters.user(command));
    }
    return null;
  }

  private static final class Interceptor extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl configuration;

    Interceptor(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      IdentityService identity = configuration.getIdentityService();
      Authentication user = identity == null ? null : identity.getCurrentAuthentication();
      if (Context.getCommandContext() != null || user == null || Roles.isOperator(user)) {
        return next.execute(command);
      }
      if (command instanceof FailedJobListener) {
        // Camunda records a refused job execution as the job's failure, taking a retry: three refused calls
        // would silence an SLA timer. Only operators execute jobs, so a failure in a user's call is a refusal.
        return null;
      }
      if (OPERATORS_ONLY.stream().anyMatch(type -> type.isInstance(command))) {
        throw new AuthorizationException("Only operators (camunda-admin) may do this: jobs, incidents, a task's own"
            + " properties, comments, attachments and the user directory are theirs");
      }
      BiConsumer<CommandContext, Authentication> rule = ruleFor(command);
      try {
        return next.execute(rule == null ? command : new Checked<>(command, rule, user));
      } catch (OptimisticLockingException meanwhile) {
        // someone else's work on the same ticket committed first: nothing of this call was stored
        LOG.info("Conflict in {} for {}: {}", command.getClass().getSimpleName(), user.getUserId(),
            meanwhile.getMessage());
        throw new InvalidRequestException(Response.Status.CONFLICT, "The ticket changed while this was being"
            + " saved (someone worked on it at the same moment); nothing was saved: reload it and try again");
      } catch (RuntimeException failure) {
        RuntimeException thrown = failure instanceof ProcessEngineException wrapped ? refusalIn(wrapped) : failure;
        if (isRefusal(thrown)) {
          LOG.info("Refused {} for {}: {}", command.getClass().getSimpleName(), user.getUserId(),
              thrown.getMessage());
        }
        throw thrown;
      }
    }
  }

  /** A caller's mistake or a missing right, answered 4xx: not an error of the application. */
  static boolean isRefusal(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof AuthorizationException || cause instanceof InvalidInputException
          || cause instanceof RestException rest && rest.getStatus() != null
          && rest.getStatus().getFamily() == Response.Status.Family.CLIENT_ERROR) {
        return true;
      }
    }
    return false;
  }

  /**
   * A refusal of ours (a right or a form's rule) that the engine wrapped on its way out of a listener, as it was
   * thrown: callers get its 403 or 400 and its message, not "ENGINE-03051 There was an exception while invoking
   * the TaskListener" and a 500.
   */
  private static ProcessEngineException refusalIn(ProcessEngineException exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof AuthorizationException || cause instanceof InvalidInputException) {
        return (ProcessEngineException) cause;
      }
    }
    return exception;
  }

  /** The command, after its rule held, in the same transaction. */
  private record Checked<T>(Command<T> command, BiConsumer<CommandContext, Authentication> rule, Authentication user)
      implements Command<T> {

    @Override
    public T execute(CommandContext context) {
      rule.accept(context, user);
      return command.execute(context);
    }
  }
}
