package org.itsupport.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.itsupport.model.TicketProcess;
import org.springframework.stereotype.Component;

/**
 * What every user task of the ticket and its question needs, registered once with a BPMN parse listener (Camunda's
 * extension point for this) instead of copied onto each task in the models: the ticket card on create, the previous
 * round's answer forgotten on create, who completed it on complete, and the submitted values checked on end.
 * Business rules stay in the model: the four-eyes check is a listener of "Approve change" there.
 */
@Component
public class EveryUserTask extends AbstractProcessEnginePlugin {

  private static final Set<String> PROCESSES = Set.of(TicketProcess.KEY, TicketProcess.QUESTION_KEY);

  private final List<TaskListener> onCreate;
  private final TaskListener onComplete;
  private final ExecutionListener onEnd;

  public EveryUserTask(ShowTicketOnTask showTicketOnTask, ForgetPreviousAnswers forgetPreviousAnswers,
      RecordCompleter recordCompleter, ValidateTaskInput validateTaskInput) {
    this.onCreate = List.of(showTicketOnTask, forgetPreviousAnswers);
    this.onComplete = recordCompleter;
    this.onEnd = validateTaskInput;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (!PROCESSES.contains(((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey())) {
          return;
        }
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        onCreate.forEach(listener -> task.addTaskListener(TaskListener.EVENTNAME_CREATE, listener));
        task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, onComplete);
        activity.addListener(ExecutionListener.EVENTNAME_END, onEnd);
      }
    });
  }
}
