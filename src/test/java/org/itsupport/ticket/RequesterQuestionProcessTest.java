package org.itsupport.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.itsupport.model.TicketVariables.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.itsupport.database.TestPostgres;
import org.itsupport.model.TicketProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * processes/requester-question.bpmn on its own, on an engine of its own, with its services replaced: the clocks'
 * pause and resume and the reminder only record that they ran (the ticket's side is SlaProcessTest's).
 */
class RequesterQuestionProcessTest {

  private static final Instant ASKED = Instant.parse("2026-03-10T09:00:00Z");
  private static ProcessEngine engine;
  private final List<String> ran = new ArrayList<>();

  @BeforeAll
  static void engineOfItsOwn() throws Exception {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    // a name of its own: engines register by name, and the application's is "default"
    configuration.setProcessEngineName("requester-question-test");
    configuration.setDataSource(TestPostgres.dataSource(TestPostgres.newDatabase(), TestPostgres.OWNER));
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setHistory("full");
    configuration.setJobExecutorActivate(false);
    configuration.setExpressionManager(new MockExpressionManager());
    engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment()
        .addString("requester-question.bpmn", Files.readString(Path.of("processes", "requester-question.bpmn")))
        .deploy();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @BeforeEach
  void replaceServices() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(ASKED));
    Mocks.register("slaSteps", new ReplacedSlaSteps(ran));
    Mocks.register("notices", new ReplacedNotices(ran));
    Mocks.register("requesterTasks", new RequesterTasks());
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void theRequesterAnswers_andTheClocksRunAgain() {
    ProcessInstance question = ask();
    assertThat(ran).containsExactly("pause", "question");
    assertThat(task(TicketProcess.ANSWER_QUESTION, question)).isAssignedTo("alice")
        .hasDueDate(Date.from(ASKED.plusSeconds(4 * 3600)));

    complete(task(question), Map.of(REQUESTER_ANSWER, "The one on floor 3"));
    // the answer is saved before the clocks move: resuming runs in a job of its own
    assertThat(question).isWaitingAt("Task_ResumeSlaClocks");
    execute(job(question));

    assertThat(question).isEnded().hasPassed("EndEvent_QuestionClosed");
    assertThat(ran).containsExactly("pause", "question", "resume with The one on floor 3");
  }

  @Test
  void noAnswer_isRemindedOnce_thenTheWaitEndsAtItsDeadline() {
    ProcessInstance question = ask();

    ClockUtil.setCurrentTime(Date.from(ASKED.plusSeconds(3600)));
    execute(job("Event_ReminderDue", question));
    assertThat(question).isWaitingAt(TicketProcess.ANSWER_QUESTION);

    ClockUtil.setCurrentTime(Date.from(ASKED.plusSeconds(4 * 3600)));
    execute(job("Event_AnswerOverdue", question));
    execute(job(question));

    assertThat(question).isEnded().hasPassed("Event_AnswerOverdue", "EndEvent_QuestionClosed");
    assertThat(ran).containsExactly("pause", "question", "answer-reminder", "resume with null");
  }

  /** Stands in for SlaSteps: what the ticket's pause gives the question is when to remind and when the wait ends. */
  public static class ReplacedSlaSteps {

    private final List<String> ran;

    ReplacedSlaSteps(List<String> ran) {
      this.ran = ran;
    }

    public JavaDelegate getPause() {
      return question -> {
        ran.add("pause");
        question.setVariable(ANSWER_REMINDER_AT, Date.from(ASKED.plusSeconds(3600)));
        question.setVariable(ANSWER_DEADLINE_AT, Date.from(ASKED.plusSeconds(4 * 3600)));
      };
    }

    public JavaDelegate getResume() {
      return question -> ran.add("resume with " + question.getVariable(REQUESTER_ANSWER));
    }
  }

  /** Stands in for Notices: which notices the question sends, and when. */
  public static class ReplacedNotices {

    private final List<String> ran;

    ReplacedNotices(List<String> ran) {
      this.ran = ran;
    }

    public void ask(DelegateTask task, String kind) {
      ran.add(kind);
    }

    public void remind(DelegateExecution question, String kind) {
      ran.add(kind);
    }
  }

  private static ProcessInstance ask() {
    return engine.getRuntimeService().startProcessInstanceByKey(TicketProcess.QUESTION_KEY, "202603-001",
        Map.of(REQUESTER_ID, "alice", TASK_PRIORITY, 50, QUESTION_FOR_REQUESTER, "Which printer queue?"));
  }
}
