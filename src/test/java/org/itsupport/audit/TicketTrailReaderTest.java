package org.itsupport.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.itsupport.ApplicationTest;
import org.itsupport.audit.AuditedTickets.AuditedTicket;
import org.itsupport.audit.TicketTrail.DecisionEvaluation;
import org.itsupport.audit.TicketTrail.Step;
import org.itsupport.audit.TicketTrail.VariableChange;
import org.itsupport.notification.NoticeOutbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/** The trail an auditor reads for the audited ticket, signed in as the auditor with only read rights. */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketTrailReaderTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  NoticeOutbox outbox;

  /** Makes the tickets, and signs in as a demo user with that user's groups. */
  AuditedTickets fixture;

  AuditedTicket audited;
  TicketTrail trail;

  @BeforeAll
  void readTheAuditedTicketAsTheAuditor() {
    fixture = new AuditedTickets(engine);
    audited = fixture.createClosedTicket();
    trail = fixture.as("audrey", () -> new TicketTrailReader(engine, outbox).read(audited.number())).orElseThrow();
  }

  @Test
  void ticket_showsItsOutcome_andThePriorityCorrection() {
    assertThat(trail.ticket()).satisfies(ticket -> {
      assertThat(ticket.number()).isEqualTo(audited.number());
      assertThat(ticket.status()).isEqualTo("closed");
      assertThat(ticket.submittedAt()).isEqualTo("2026-11-10T09:00:00Z");
      assertThat(ticket.closedAt()).isEqualTo("2026-11-10T15:05:00Z");
      assertThat(ticket.priority()).isEqualTo("P2");
      assertThat(ticket.priorityCorrectedFrom()).isEqualTo("P3");
      assertThat(ticket.priorityCorrectionReason()).isEqualTo(AuditedTickets.CORRECTION_REASON_TEXT);
      assertThat(ticket.responseSla()).isEqualTo("met");
      assertThat(ticket.resolutionSla()).isEqualTo("missed");
      assertThat(ticket.resolutionDueAt()).isEqualTo("2026-11-10T13:30:00Z");
    });
  }

  @Test
  void conversation_showsEveryNoticeTheTicketSent_withWhatBecameOfIt() {
    assertThat(trail.conversation()).extracting(TicketTrail.Message::kind).startsWith("received")
        .contains("with-specialists", "awaiting-approval", "change-approved", "verify", "rate", "closed");
    assertThat(trail.conversation()).allSatisfy(message -> {
      assertThat(message.direction()).isEqualTo("out");
      assertThat(message.subject()).contains(audited.number());
      assertThat(message.delivery()).isIn("pending", "sent");
    });
    assertThat(trail.conversation()).filteredOn(message -> message.kind().equals("received")).singleElement()
        .satisfies(message -> {
          assertThat(message.recipients()).isEqualTo("requester");
          assertThat(message.addresses()).isEqualTo("alice@example.org");
          assertThat(message.at()).isEqualTo("2026-11-10T09:00:00Z");
        });
  }

  @Test
  void approvals_showTheRejectionWithItsReason_thenTheApproval() {
    assertThat(trail.approvals())
        .extracting("decidedAt", "approver", "decision", "reason", "plannedBy", "riskLevel")
        .containsExactly(
            tuple("2026-11-10T10:30:00Z", "carl", "reject", AuditedTickets.REJECTION_REASON_TEXT, "hank", "high"),
            tuple("2026-11-10T13:45:00Z", "carl", "approve", null, "hank", "high"));
  }

  @Test
  void slaEvents_showThePause_theWarning_theBreach_andWhatTheManagerDid() {
    assertThat(trail.slaEvents()).extracting("at", "sla", "event", "by").containsSubsequence(
        tuple("2026-11-10T09:05:00Z", "both", "paused", "dora"),
        tuple("2026-11-10T09:35:00Z", "both", "resumed", null),
        tuple("2026-11-10T12:30:00Z", "resolution", "at risk", null),
        tuple("2026-11-10T12:30:00Z", "resolution", "acted on at risk", "mia"),
        tuple("2026-11-10T13:30:00Z", "resolution", "breached", null),
        tuple("2026-11-10T13:30:00Z", "resolution", "acted on breached", "mia"),
        tuple("2026-11-10T15:05:00Z", "resolution", "missed", null));
    assertThat(trail.slaEvents()).filteredOn("event", "acted on breached").extracting("detail")
        .containsExactly(AuditedTickets.BREACH_ACTION_TEXT);
    assertThat(trail.slaEvents()).filteredOn("event", "paused").extracting("detail").singleElement().asString()
        .contains(AuditedTickets.QUESTION_TEXT);
  }

  @Test
  void decisions_showInputsMatchedRuleOutputsAndVersion() {
    DecisionEvaluation priority = trail.decisions().get(0);
    assertThat(priority.decisionKey()).isEqualTo("ticket-priority");
    assertThat(priority.version()).isPositive();
    assertThat(priority.evaluatedAt()).isEqualTo("2026-11-10T09:00:00Z");
    assertThat(priority.step()).isEqualTo("Determine priority");
    assertThat(priority.inputs()).extracting("value").containsExactly("single-user", "high");
    assertThat(priority.matchedRules()).singleElement().satisfies(rule -> {
      assertThat(rule.ruleId()).isEqualTo("Rule_SingleUserHigh");
      assertThat(rule.description()).isNotBlank();
      assertThat(rule.outputs()).extracting("name", "value").containsExactly(tuple("priority", "P3"));
    });
    assertThat(trail.decisions()).extracting(DecisionEvaluation::decisionKey, DecisionEvaluation::step).containsExactly(
        tuple("ticket-priority", "Determine priority"),
        tuple("ticket-sla-targets", "Determine SLA targets"),
        tuple("ticket-routing", "Determine specialist group"),
        tuple("ticket-sla-targets", "Recompute SLA targets"),
        tuple("change-risk", "Assess change risk"),
        tuple("change-risk", "Assess change risk"),
        tuple("sla-escalation", "Determine escalation"),
        tuple("sla-escalation", "Determine escalation"),
        tuple("rating-follow-up", "Check rating"));
    assertThat(trail.decisions().get(3).matchedRules().get(0).outputs()).contains(
        new TicketTrail.Value("resolutionTarget", "PT4H"));
  }

  @Test
  void variableChanges_showOldAndNewValue_andWhoMadeThem() {
    assertThat(trail.variableChanges()).filteredOn(change -> change.variable().equals("priority")
            && change.step() != null && change.step().equals("Review and diagnose"))
        .extracting(VariableChange::oldValue, VariableChange::newValue, VariableChange::by)
        .first().isEqualTo(tuple("P3", "P2", "hank"));
    assertThat(trail.variableChanges()).filteredOn("variable", "approvalDecision")
        .extracting(VariableChange::oldValue, VariableChange::newValue, VariableChange::by)
        .containsExactly(tuple(null, "reject", "carl"), tuple("reject", null, TicketTrailReader.ENGINE),
            tuple(null, "approve", "carl"));
    assertThat(trail.variableChanges()).filteredOn("variable", "requesterAnswer")
        .extracting(VariableChange::newValue, VariableChange::by).contains(tuple(AuditedTickets.ANSWER_TEXT, "alice"));
    assertThat(trail.variableChanges()).filteredOn("variable", "title").first()
        .extracting(VariableChange::by, VariableChange::step).isEqualTo(List.of("alice", "IT support ticket"));
  }

  @Test
  void operations_showClaimsAndTheManagersReassignment() {
    assertThat(trail.operations()).extracting("user", "operation", "oldValue", "newValue", "task")
        .contains(tuple("nick", "Claim", null, "nick", audited.reassignedTaskId()),
            tuple("mia", "Assign", "nick", "carl", audited.reassignedTaskId()),
            tuple("carl", "Complete", "false", "true", audited.reassignedTaskId()));
    assertThat(trail.operations()).first().extracting("user", "operation").isEqualTo(List.of("alice", "Create"));
  }

  @Test
  void steps_showWhoWhenAndHowLong_includingTheQuestionToTheRequester() {
    assertThat(trail.steps()).filteredOn("activityId", "Task_ApproveChange")
        .extracting(Step::startedAt, Step::endedAt, Step::durationMillis, Step::completedBy)
        .containsExactly(tuple("2026-11-10T10:00:00Z", "2026-11-10T10:30:00Z", 1_800_000L, "carl"),
            tuple("2026-11-10T11:00:00Z", "2026-11-10T13:45:00Z", 9_900_000L, "carl"));
    assertThat(trail.steps()).filteredOn("activityId", "Task_AnswerQuestion")
        .extracting(Step::process, Step::completedBy).containsExactly(tuple("Requester question", "alice"));
    assertThat(trail.steps()).filteredOn("activityId", "StartEvent_TicketSubmitted").extracting(Step::assignee)
        .containsExactly("alice");
    assertThat(trail.steps()).filteredOn("activityId", "StartEvent_ResolutionStarted").extracting(Step::assignee)
        .containsOnlyNulls();
    assertThat(trail.steps()).extracting(Step::activityId).doesNotContain("Gateway_ChangeApproved");
  }

  @Test
  void path_marksTheFlowsTaken_andOnlyThose() {
    assertThat(trail.path().activities()).containsEntry("Task_ApproveChange", 2).containsEntry("EndEvent_TicketClosed", 1)
        .doesNotContainKey("Task_SetPriority");
    assertThat(trail.path().sequenceFlows())
        .contains("Flow_ChangeApprovedNo", "Flow_ChangeApprovedYes", "Flow_FirstLineQuestionYes",
            "Flow_ResolutionAtRisk", "Flow_ResolutionBreached", "Flow_ResolutionEscalationActedOn", "Flow_ToTicketClosed")
        .doesNotContain("Flow_ResolutionEscalated", "Flow_ResolutionEscalationMoot", "Flow_ApprovalRequiredNo", "Flow_SolvedYes", "Flow_ReopenedYes",
            "Flow_FixConfirmedNo", "Flow_PriorityFoundNo")
        .doesNotHaveDuplicates();
  }

  @Test
  void aUserWithoutHistoryRights_findsNoTrail() {
    assertThat(fixture.as("olga", () -> new TicketTrailReader(engine, outbox).read(audited.number()))).isEmpty();
  }

  @Test
  void anUnknownNumber_hasNoTrail() {
    assertThat(fixture.as("audrey", () -> new TicketTrailReader(engine, outbox).read("209912-999"))).isEmpty();
  }

}
