package org.itsupport.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itsupport.model.TicketVariables.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.itsupport.ApplicationTest;
import org.itsupport.identity.EngineRest;
import org.itsupport.ticket.SampleIntake;
import org.itsupport.model.TicketProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bad input, as careless or hostile clients send it, through the intake API, the start form and task completion
 * (both endpoints Tasklist uses): every one answered 4xx with a message naming the field, never 5xx, never a
 * ticket or a number half-made, and the application healthy afterwards.
 */
@ApplicationTest
class BadInputSweepTest {

  /** Values no text field takes, whatever its rules. */
  static final List<Object> NOT_TEXT = List.of(42, 4.2, true, List.of("a"), Map.of("a", 1));
  /** Text no field keeps. */
  static final List<String> UNKEEPABLE = List.of("a\u0000b", "bell\u0007", "half \uD800 char", "esc\u001B[2J");
  /** Text that reads as nothing. */
  static final List<String> BLANK = List.of("", "   ", "\u200B\u200B", "\t\n");

  record Case(String field, Object value) {
  }

  @Autowired
  TestRestTemplate rest;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void theIntakeApi() {
    List<Case> cases = new ArrayList<>();
    for (String field : List.of(REQUESTER_NAME, REQUESTER_DEPARTMENT, REQUESTER_CONTACT, TITLE, DESCRIPTION,
        AFFECTED_SYSTEM, ALREADY_TRIED, ALERT_KEY)) {
      NOT_TEXT.forEach(value -> cases.add(new Case(field, value)));
      UNKEEPABLE.forEach(value -> cases.add(new Case(field, value)));
      cases.add(new Case(field, "x".repeat(4001)));
    }
    for (String field : List.of(REQUESTER_NAME, REQUESTER_DEPARTMENT, REQUESTER_CONTACT, TITLE, DESCRIPTION,
        AFFECTED_SYSTEM)) {
      BLANK.forEach(value -> cases.add(new Case(field, value)));
    }
    for (String field : List.of(CHANNEL, SERVICE_TYPE, IMPACT, URGENCY)) {
      for (Object value : List.of("nonsense", "PORTAL ", 1, "", "\u200B", List.of("portal"), "x".repeat(300))) {
        cases.add(new Case(field, value));
      }
    }
    for (Object value : List.of("yesterday", "now", "2999-01-01T00:00", "1900-01-01T00:00", "2026-13-45T99:99",
        20261201, "2026-11-30 25:00", "2026-11-30T10:00:00+25:00", "T10:00", "2026/11/30 10:00")) {
      cases.add(new Case(ISSUE_STARTED_AT, value));
    }
    cases.add(new Case(REQUESTER_ID, "bob"));
    cases.add(new Case(REQUESTER_ID, 7));
    cases.add(new Case(REQUESTER_ID, "x".repeat(65)));
    for (String unknown : List.of(PRIORITY, INITIATOR_ID, TICKET_NUMBER, "x".repeat(500), "", "__proto__")) {
      cases.add(new Case(unknown, "P1"));
    }

    long tickets = tickets();
    long numbers = numbersTaken();
    for (Case bad : cases) {
      ResponseEntity<String> answer = rest.withBasicAuth("alice", "demo").postForEntity("/api/tickets",
          SampleIntake.intake(Map.of(bad.field(), bad.value())), String.class);
      refusedNaming(answer, bad.field().length() > 80 ? bad.field().substring(0, 80) : bad.field(), bad);
    }
    for (String body : List.of("not json", "[]", "null", "\"a ticket\"", "{", "{\"title\":}", "42")) {
      HttpHeaders json = new HttpHeaders();
      json.setContentType(MediaType.APPLICATION_JSON);
      ResponseEntity<String> answer = rest.withBasicAuth("alice", "demo").postForEntity("/api/tickets",
          new HttpEntity<>(body, json), String.class);
      assertThat(answer.getStatusCode().is4xxClientError()).as("body %s: %s", body, answer.getBody()).isTrue();
      assertThat(answer.getBody()).as(body).contains("JSON object");
    }
    assertThat(cases.size()).isGreaterThan(150);
    nothingHalfMade(tickets, numbers);
  }

  @Test
  void taskCompletion() {
    List<Case> cases = new ArrayList<>();
    for (String field : List.of(FIRST_LINE_NOTES, RESOLUTION, QUESTION_FOR_REQUESTER)) {
      NOT_TEXT.forEach(value -> cases.add(new Case(field, value)));
      UNKEEPABLE.forEach(value -> cases.add(new Case(field, value)));
      cases.add(new Case(field, "x".repeat(4001)));
    }
    BLANK.forEach(value -> cases.add(new Case(FIRST_LINE_NOTES, value)));
    for (Object value : List.of("maybe", "", "SOLVED", 1, false)) {
      cases.add(new Case(FIRST_LINE_OUTCOME, value));
    }
    for (String unknown : List.of(PRIORITY, REQUESTER_ID, "initiator", SLA_PRIORITY, "x".repeat(300))) {
      cases.add(new Case(unknown, "P1"));
    }

    EngineRest api = new EngineRest(rest, engine);
    ProcessInstance ticket = api.ticketAtFirstLine();
    Task firstLine = api.firstLineTask(ticket);
    engine.getTaskService().claim(firstLine.getId(), "dora");
    String before = engine.getRuntimeService().getVariables(ticket.getId()).toString();
    for (Case bad : cases) {
      Map<String, Object> values = new LinkedHashMap<>(Map.of(FIRST_LINE_NOTES, "checked the spooler",
          FIRST_LINE_OUTCOME, "solved", RESOLUTION, "restarted it"));
      values.put(bad.field(), bad.value());
      for (String endpoint : List.of("/complete", "/submit-form")) {
        ResponseEntity<String> answer = api.call("dora", HttpMethod.POST, "/task/" + firstLine.getId() + endpoint,
            Map.of("variables", EngineRest.variables(values)));
        refusedNaming(answer, bad.field().length() > 80 ? bad.field().substring(0, 80) : bad.field(), bad);
      }
    }
    assertThat(engine.getTaskService().createTaskQuery().taskId(firstLine.getId()).count()).isOne();
    assertThat(engine.getRuntimeService().getVariables(ticket.getId()).toString()).isEqualTo(before);
    assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode().is2xxSuccessful()).isTrue();
  }

  private static void refusedNaming(ResponseEntity<String> answer, String field, Case bad) {
    String shown = bad.value() instanceof String text && text.length() > 40 ? text.substring(0, 40) + "…"
        : String.valueOf(bad.value());
    assertThat(answer.getStatusCode().value()).as("%s = %s: %s", field, shown, answer.getBody()).isBetween(400, 499);
    assertThat(answer.getBody()).as("%s = %s", field, shown).contains(field).doesNotContain("ENGINE-")
        .hasSizeLessThan(2000);
  }

  private long tickets() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(TicketProcess.KEY)
        .count();
  }

  private long numbersTaken() {
    return jdbc.queryForObject("select count(*) from ticket_number", Long.class);
  }

  /** No ticket, and no number taken: refused input is refused before a number is. */
  private void nothingHalfMade(long ticketsBefore, long numbersBefore) {
    assertThat(tickets()).isEqualTo(ticketsBefore);
    assertThat(numbersTaken()).isEqualTo(numbersBefore);
    assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode().is2xxSuccessful()).isTrue();
  }
}
