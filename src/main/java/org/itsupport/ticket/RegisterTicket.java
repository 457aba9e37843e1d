package org.itsupport.ticket;

import org.itsupport.shared.EngineClock;
import static org.itsupport.model.TicketVariables.*;

import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.itsupport.identity.Roles;
import org.itsupport.numbering.TicketNumbers;
import org.springframework.stereotype.Component;

/**
 * Checks the intake, gives the ticket its number as business key and starts its record. Runs in the
 * transaction that submits the start form, so bad input is refused with a message and nothing is stored, and
 * no number is used up by it. Should the start fail after the number was taken, the number is voided with
 * the failure as its reason.
 */
@Component("registerTicket")
public class RegisterTicket implements JavaDelegate {

  private final TicketNumbers ticketNumbers;

  public RegisterTicket(TicketNumbers ticketNumbers) {
    this.ticketNumbers = ticketNumbers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Authentication caller = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (caller != null && !Roles.isOperator(caller)) {
      onlyIntakeFields(execution);
    }
    TicketInputRules.INTAKE.check(execution::getVariable);
    String requesterId = requesterId(execution, caller);

    Instant submittedAt = EngineClock.now();
    TicketNumbers.Taken taken = ticketNumbers.take(submittedAt);
    taken.openedAs(execution.getProcessInstanceId());
    Context.getCommandContext().registerCommandContextListener(new CommandContextListener() {
      @Override
      public void onCommandContextClose(CommandContext commandContext) {
      }

      @Override
      public void onCommandFailed(CommandContext commandContext, Throwable cause) {
        taken.failedBecause(cause);
      }
    });
    String ticketNumber = taken.number();
    execution.setProcessBusinessKey(ticketNumber);
    execution.setVariable(TICKET_NUMBER, ticketNumber);
    execution.setVariable(SUBMITTED_AT, Date.from(submittedAt));
    execution.setVariable(REQUESTER_ID, requesterId);
    execution.setVariable(REOPEN_COUNT, 0);
    execution.setVariable(RESPONSE_SLA_BREACHED, false);
    execution.setVariable(RESOLUTION_SLA_BREACHED, false);
  }

  /**
   * The variables here are all the starter gave (this is the first step), whichever API started it: a signed-in
   * user starts a ticket with the intake's fields only, not with a priority or any other variable of its record.
   */
  private static void onlyIntakeFields(DelegateExecution execution) {
    Set<String> given = new HashSet<>(execution.getVariableNames());
    given.remove(INITIATOR_ID);
    List<InputRules.Problem> unknown = TicketInputRules.unknownIntakeFields(given);
    if (!unknown.isEmpty()) {
      throw new InvalidInputException(unknown);
    }
  }

  /**
   * Whoever the form names, else whoever is signed in; it must be a user who can verify the fix. Only the
   * service desk (and operators) open tickets for someone else, and only they learn whether a user id exists.
   * A mail from a sender who is no user (the mail intake, nobody signed in) opens a ticket without one: the
   * service desk takes the requester's steps (RequesterTasks) and the notices go to the sender's address.
   */
  private static String requesterId(DelegateExecution execution, Authentication caller) {
    String named = execution.getVariable(REQUESTER_ID) instanceof String id && !id.isBlank() ? id.trim() : null;
    if (named != null && caller != null && !named.equals(caller.getUserId())
        && !Roles.isMember(caller, Roles.SERVICE_DESK) && !Roles.isOperator(caller)) {
      throw new InvalidInputException(List.of(new InputRules.Problem(REQUESTER_ID,
          "you may open tickets only for yourself; the service desk opens them for others")));
    }
    String requesterId = named != null ? named : (String) execution.getVariable(INITIATOR_ID);
    if (requesterId == null && caller == null && "email".equals(execution.getVariable(CHANNEL))) {
      return null;
    }
    if (requesterId == null) {
      throw InvalidInputException.of(REQUESTER_ID, "is required when nobody is signed in");
    }
    // whether the user exists, whatever the caller may read of the directory
    long known = Context.getCommandContext().runWithoutAuthorization(() -> execution.getProcessEngineServices()
        .getIdentityService().createUserQuery().userId(requesterId).count());
    if (known == 0) {
      throw new InvalidInputException(
          List.of(new InputRules.Problem(REQUESTER_ID, "there is no user '" + requesterId + "'")));
    }
    return requesterId;
  }
}
