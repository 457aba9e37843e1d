package org.itsupport.knowledge;

import static org.itsupport.model.TicketVariables.*;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.itsupport.model.ArticleProcess;
import org.itsupport.shared.CompletingUser;
import org.springframework.stereotype.Component;

/**
 * A specialist who delivers a fix on *Execute change* may propose an article from it: the knowledge-article
 * process starts with the ticket's title, description, root cause, steps and affected system as the draft, and
 * its author writes it up before it goes to review.
 */
@Component("articleFromFix")
public class ArticleFromFix {

  /** Task listener on complete of *Execute change*. */
  public void propose(DelegateTask task) {
    if (!"fixed".equals(task.getVariable(EXECUTION_OUTCOME))
        || !Boolean.TRUE.equals(task.getVariable(PROPOSE_ARTICLE))) {
      return;
    }
    Map<String, Object> draft = new HashMap<>();
    draft.put(ArticleProcess.TITLE, task.getVariable(TITLE));
    draft.put(ArticleProcess.SERVICE_TYPE, task.getVariable(SERVICE_TYPE));
    draft.put(ArticleProcess.AFFECTED_SYSTEM, task.getVariable(AFFECTED_SYSTEM));
    draft.put(ArticleProcess.SYMPTOMS, task.getVariable(DESCRIPTION));
    draft.put(ArticleProcess.STEPS, task.getVariable(EXECUTION_STEPS));
    draft.put(ArticleProcess.ROOT_CAUSE, task.getVariable(ROOT_CAUSE));
    draft.put(ArticleProcess.SOURCE_TICKET, task.getVariable(TICKET_NUMBER));
    draft.put(ArticleProcess.AUTHOR, CompletingUser.of(task));
    draft.put(ArticleProcess.FROM_TICKET, true);
    task.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(ArticleProcess.KEY, draft);
  }
}
