package org.itsupport.ticket;

import static org.itsupport.model.TicketVariables.REQUESTER_ID;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.itsupport.identity.Roles;
import org.springframework.stereotype.Component;

/**
 * Who takes the requester's steps (answer, verify, rate) when the requester is no user, as when a stranger's
 * mail opened the ticket: the service desk, who reach them by the address on the ticket. Otherwise nobody but the
 * requester, to whom the steps are assigned.
 */
@Component("requesterTasks")
public class RequesterTasks {

  public List<String> backup(DelegateExecution execution) {
    return execution.getVariable(REQUESTER_ID) == null ? List.of(Roles.SERVICE_DESK) : List.of();
  }
}
