package org.itsupport.ticket;

import static org.itsupport.model.TicketVariables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * The engine's full history, except for the task cards' copies of the ticket's number, priority and title
 * ({@link ShowTicketOnTask}). The ticket's own variables, and their history, hold the same values; recording
 * every copy again (three per task, a historic variable and a detail row each) told an auditor nothing and was
 * a tenth of a ticket's SQL statements.
 */
@Component
public class TaskCardsWithoutHistory extends AbstractProcessEnginePlugin {

  static final Set<String> CARD_VARIABLES = Set.of(CARD_TICKET_NUMBER, CARD_PRIORITY, CARD_TITLE);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = new ArrayList<>();
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    handlers.add(new SkippingCardCopies(new DbHistoryEventHandler()));
    configuration.setCustomHistoryEventHandlers(handlers);
    configuration.setEnableDefaultDbHistoryEventHandler(false);
  }

  /** Camunda's database history handler, passed every event but those of a task card's variables. */
  record SkippingCardCopies(HistoryEventHandler database) implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!isCardCopy(event)) {
        database.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }

    static boolean isCardCopy(HistoryEvent event) {
      return event instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() != null
          && CARD_VARIABLES.contains(variable.getVariableName());
    }
  }
}
