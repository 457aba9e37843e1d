package org.itsupport.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.itsupport.ApplicationTest;
import org.itsupport.ticket.SampleIntake;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The intake API through HTTP, as the portal and a monitoring system use it. */
@ApplicationTest
class IntakeApiTest {

  static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
  };

  @Autowired
  TestRestTemplate rest;
  @Autowired
  RuntimeService runtime;
  @Autowired
  HistoryService history;
  @Autowired
  ProcessEngine engine;

  @Test
  void aRequesterOpensATicketAndGetsItsNumberPriorityAndDeadlines() {
    ResponseEntity<Map<String, Object>> response = post("alice", intake(), null);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    Map<String, Object> ticket = response.getBody();
    assertThat((String) ticket.get("number")).matches("\\d{6}-\\d{3,}");
    assertThat(response.getHeaders().getLocation()).hasPath("/api/tickets/" + ticket.get("number"));
    assertThat(ticket).containsEntry("priority", "P3").containsEntry("slaClock", "business-hours")
        .containsEntry("status", "open").containsKeys("submittedAt", "responseDueAt", "resolutionDueAt");
    assertThat(history.createHistoricVariableInstanceQuery().variableName("initiatorId")
        .processInstanceIdIn(instanceId(ticket)).singleResult().getValue()).isEqualTo("alice");
  }

  @Test
  void everyBadFieldGetsItsOwnMessageAndNothingIsStarted() {
    Map<String, Object> bad = intake();
    bad.remove("title");
    bad.put("urgency", "asap");
    bad.put("issueStartedAt", "2999-01-01T10:00");
    bad.put("description", "x".repeat(4001));
    bad.put("impact", 3);
    bad.put("colour", "blue");
    long ticketsBefore = runtime.createProcessInstanceQuery().processDefinitionKey("it-support-ticket").count();

    ResponseEntity<Map<String, Object>> unknownField = post("alice", bad, null);
    assertThat(unknownField.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(errors(unknownField)).containsExactly(Map.of("field", "colour", "message", "is not a field of a ticket"));

    bad.remove("colour");
    ResponseEntity<Map<String, Object>> response = post("alice", bad, null);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(errors(response)).extracting(error -> error.get("field") + ": " + error.get("message"))
        .contains(
            "title: is required",
            "urgency: 'asap' is not one of critical, high, medium, low",
            "issueStartedAt: '2999-01-01T10:00' lies in the future",
            "description: is 4001 characters long, at most 4000 are allowed",
            "impact: must be text");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("it-support-ticket").count())
        .isEqualTo(ticketsBefore);
  }

  /** A month without tickets yet: eight intakes at once all race to open it (7 of 8 answered 500 before). */
  @Test
  void theFirstTicketsOfAMonth_openedAtOnce_eachGetItsOwnNumber() throws Exception {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-03-10T10:00:00Z")));
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<Callable<ResponseEntity<Map<String, Object>>>> intakes = IntStream.range(0, 8)
          .<Callable<ResponseEntity<Map<String, Object>>>>mapToObj(i -> () -> post("alice", intake(), null)).toList();
      List<Object> numbers = new ArrayList<>();
      for (Future<ResponseEntity<Map<String, Object>>> response : clients.invokeAll(intakes)) {
        assertThat(response.get().getStatusCode()).isEqualTo(HttpStatus.CREATED);
        numbers.add(response.get().getBody().get("number"));
      }
      assertThat(numbers).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 8)
          .mapToObj(serial -> "203103-%03d".formatted(serial)).toList());
    } finally {
      clients.shutdownNow();
      ClockUtil.reset();
    }
  }

  /**
   * After a restart the engine parses its deployment again when a ticket first needs it, on behalf of whoever
   * asked: the guard on process owners' deployments answered the first requester 403.
   */
  @Test
  void afterARestart_theFirstRequesterOpensATicket() {
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDeploymentCache()
        .discardProcessDefinitionCache();

    assertThat(post("alice", intake(), null).getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void anUnknownRequesterIsABadRequest() {
    Map<String, Object> ticket = intake();
    ticket.put("requesterId", "nobody");
    ResponseEntity<Map<String, Object>> response = post("dora", ticket, null);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(errors(response)).containsExactly(Map.of("field", "requesterId", "message", "there is no user 'nobody'"));
  }

  @Test
  void aRetriedRequestWithTheSameIdempotencyKeyReturnsTheSameTicket() {
    String key = UUID.randomUUID().toString();
    ResponseEntity<Map<String, Object>> first = post("alice", intake(), key);
    ResponseEntity<Map<String, Object>> retry = post("alice", intake(), key);

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(retry.getBody().get("number")).isEqualTo(first.getBody().get("number"));
    // keys belong to their caller: bob's request with the same key is his own
    assertThat(post("bob", intake(), key).getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void concurrentRetriesOpenOneTicket() throws Exception {
    String key = UUID.randomUUID().toString();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<ResponseEntity<Map<String, Object>>> request = () -> post("alice", intake(), key);
      List<Future<ResponseEntity<Map<String, Object>>>> responses = pool.invokeAll(List.of(request, request));
      ResponseEntity<Map<String, Object>> one = responses.get(0).get();
      ResponseEntity<Map<String, Object>> other = responses.get(1).get();

      assertThat(List.of(one.getStatusCode(), other.getStatusCode()))
          .containsExactlyInAnyOrder(HttpStatus.CREATED, HttpStatus.OK);
      assertThat(one.getBody().get("number")).isEqualTo(other.getBody().get("number"));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRepeatedAlertReturnsItsOpenTicket_aNewAlertAfterCloseOpensAnother() {
    Map<String, Object> alert = intake();
    alert.put("channel", "monitoring");
    alert.put("alertKey", "disk-full:srv-db-01:" + UUID.randomUUID());

    ResponseEntity<Map<String, Object>> first = post("dora", alert, null);
    ResponseEntity<Map<String, Object>> repeated = post("dora", alert, null);
    assertThat(repeated.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(repeated.getBody().get("number")).isEqualTo(first.getBody().get("number"));

    runtime.deleteProcessInstance(instanceId(first.getBody()), "closed for the test");
    ResponseEntity<Map<String, Object>> afterClose = post("dora", alert, null);
    assertThat(afterClose.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(afterClose.getBody().get("number")).isNotEqualTo(first.getBody().get("number"));
  }

  @Test
  void theRequesterAndTheAgentsSeeTheTicket_othersDoNot() {
    String number = (String) post("alice", intake(), null).getBody().get("number");

    assertThat(get("alice", number).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("alice", number).getBody()).containsEntry("number", number).containsEntry("status", "open");
    assertThat(get("dora", number).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("audrey", number).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("bob", number).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("olga", number).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("alice", "209901-001").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.getForEntity("/api/tickets/" + number, String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void whoMayNotOpenTicketsIsRefused() {
    ResponseEntity<Map<String, Object>> response = post("hank", intake(), null);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.postForEntity("/api/tickets", intake(), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void onlyTheHealthEndpointIsOpen() {
    assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rest.getForEntity("/actuator/env", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  private Map<String, Object> intake() {
    Map<String, Object> intake = new HashMap<>(SampleIntake.intake());
    intake.remove("requesterId");
    return intake;
  }

  private ResponseEntity<Map<String, Object>> post(String user, Map<String, Object> ticket, String idempotencyKey) {
    HttpHeaders headers = new HttpHeaders();
    if (idempotencyKey != null) {
      headers.set("Idempotency-Key", idempotencyKey);
    }
    return rest.withBasicAuth(user, "demo")
        .exchange("/api/tickets", HttpMethod.POST, new HttpEntity<>(ticket, headers), JSON);
  }

  private ResponseEntity<Map<String, Object>> get(String user, String number) {
    return rest.withBasicAuth(user, "demo").exchange("/api/tickets/" + number, HttpMethod.GET, null, JSON);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> errors(ResponseEntity<Map<String, Object>> response) {
    return (List<Map<String, Object>>) response.getBody().get("errors");
  }

  private String instanceId(Map<String, Object> ticket) {
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey((String) ticket.get("number"))
        .singleResult().getId();
  }
}
