package org.itsupport.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.itsupport.ApplicationTest;
import org.itsupport.browser.WebappSession;
import org.itsupport.audit.AuditedTickets.AuditedTicket;
import org.itsupport.ticket.SampleIntake;
import org.itsupport.model.TicketProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/** The auditors' pages' API as Cockpit calls it: with a Cockpit login session, read-only, for auditors only. */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketAuditApiTest {

  static final String API = "/api/cockpit/plugin/ticket-audit/default";
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  TransactionTemplate transactions;

  AuditedTicket ticket;

  @BeforeAll
  void closedTicket() {
    ticket = new AuditedTickets(engine).createClosedTicket();
  }

  @Test
  void anAuditor_findsTheTicket_andReadsItsTrail() throws IOException {
    WebappSession audrey = loggedIn("audrey");

    assertThat(json(audrey.get(API + "/access"), 200).path("mayAudit").asBoolean()).isTrue();

    JsonNode page = json(audrey.get(API + "/tickets?number=" + ticket.number() + "&status=closed&sla=missed"), 200);
    assertThat(page.path("total").asLong()).isEqualTo(1);
    assertThat(page.path("tickets").get(0).path("number").asText()).isEqualTo(ticket.number());
    assertThat(page.path("tickets").get(0).path("priority").asText()).isEqualTo("P2");

    JsonNode trail = json(audrey.get(API + "/tickets/" + ticket.number()), 200);
    assertThat(trail.path("ticket").path("priorityCorrectedFrom").asText()).isEqualTo("P3");
    assertThat(trail.path("approvals")).hasSize(2);
    assertThat(trail.path("approvals").get(0).path("reason").asText()).isEqualTo(ticket.rejectionReason());
    assertThat(trail.path("approvals").get(1).path("decision").asText()).isEqualTo("approve");
    assertThat(trail.path("slaEvents").findValuesAsText("event")).contains("breached", "acted on breached", "paused");
    assertThat(trail.path("decisions").get(0).path("version").asInt()).isPositive();
    assertThat(trail.path("path").path("sequenceFlows").toString()).contains("Flow_ChangeApprovedNo");
  }

  /** A start that fails after its number was taken leaves a gap; the auditor sees the number and why. */
  @Test
  void anAuditor_seesTheNumbersThatNeverBecameATicket_withTheReason() throws IOException {
    String[] number = new String[1];
    assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
      number[0] = engine.getRuntimeService().startProcessInstanceByKey(TicketProcess.KEY, SampleIntake.intake())
          .getBusinessKey();
      throw new IllegalStateException("the opening failed after the start");
    })).hasMessage("the opening failed after the start");

    JsonNode voided = json(loggedIn("audrey").get(API + "/ticket-numbers/voided?month="
        + number[0].substring(0, 6)), 200);
    assertThat(voided.findValuesAsText("number")).contains(number[0]);
    assertThat(voided.get(0).path("reason").asText())
        .isEqualTo("The ticket was not opened: its transaction was rolled back");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(number[0])
        .count()).isZero();
    assertThat(loggedIn("audrey").get(API + "/ticket-numbers/voided?month=2026-12").statusCode()).isEqualTo(400);
    assertThat(loggedIn("olga").get(API + "/ticket-numbers/voided").statusCode()).isEqualTo(403);
  }

  @Test
  void theCsvExport_isAnAttachment_withTheTicket() {
    HttpResponse<String> csv = loggedIn("audrey").get(API + "/tickets.csv?number=" + ticket.number());

    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
    assertThat(csv.body().lines().toList()).hasSize(2);
    assertThat(csv.body().lines().toList().get(1)).startsWith(ticket.number() + ",");
  }

  @Test
  void badCriteria_answer400_namingTheFields_andAnUnknownNumber404() throws IOException {
    WebappSession audrey = loggedIn("audrey");

    HttpResponse<String> bad = audrey.get(API + "/tickets?status=done&sla=kept&maxResults=0");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).path("message").asText()).contains("status", "sla", "maxResults");
    assertThat(audrey.get(API + "/tickets.csv?submittedFrom=yesterday").statusCode()).isEqualTo(400);
    assertThat(audrey.get(API + "/tickets/209912-999").statusCode()).isEqualTo(404);
  }

  @Test
  void nothingCanBeChanged_throughThesePages() {
    WebappSession audrey = loggedIn("audrey");

    for (String method : new String[] {"POST", "PUT", "DELETE"}) {
      assertThat(audrey.send(method, API + "/tickets/" + ticket.number(), "{}", "application/json").statusCode())
          .as(method).isEqualTo(405);
    }
  }

  @Test
  void aProcessOwner_mayUseCockpit_butNotTheseTickets() throws IOException {
    WebappSession olga = loggedIn("olga");

    assertThat(json(olga.get(API + "/access"), 200).path("mayAudit").asBoolean()).isFalse();
    assertThat(olga.get(API + "/tickets").statusCode()).isEqualTo(403);
    assertThat(olga.get(API + "/tickets.csv").statusCode()).isEqualTo(403);
    assertThat(olga.get(API + "/tickets/" + ticket.number()).statusCode()).isEqualTo(403);
  }

  @Test
  void anAgent_cannotLogIntoCockpit_andNobodyAnonymousGetsAnything() {
    WebappSession dora = WebappSession.anonymous(port);
    assertThat(dora.login("dora", "demo")).isEqualTo(403);
    assertThat(dora.get(API + "/tickets/" + ticket.number()).statusCode()).isIn(401, 403);
    assertThat(WebappSession.anonymous(port).get(API + "/access").statusCode()).isIn(401, 403);
  }

  @Test
  void theWebappsDirectory_givesAnAuditorNames_notEmailAddresses() {
    HttpResponse<String> users = loggedIn("audrey").get("/api/engine/engine/default/user");
    assertThat(users.statusCode()).isEqualTo(200);
    assertThat(users.body()).contains("\"bob\"").contains("audrey@example.org").doesNotContain("bob@example.org");
    assertThat(loggedIn("admin").get("/api/engine/engine/default/user").body()).contains("bob@example.org");
  }

  @Test
  void theFrontEnd_andTheDiagramViewer_areServedToCockpit() {
    WebappSession anyone = WebappSession.anonymous(port);
    for (String asset : new String[] {"plugin.js", "plugin.css", "vendor/bpmn-navigated-viewer.production.min.js"}) {
      HttpResponse<String> response = anyone.get("/api/cockpit/plugin/ticket-audit/static/app/" + asset);
      assertThat(response.statusCode()).as(asset).isEqualTo(200);
      assertThat(response.body()).as(asset).isNotBlank();
    }
  }

  private WebappSession loggedIn(String user) {
    return WebappSession.loggedIn(port, "cockpit", user);
  }

  private static JsonNode json(HttpResponse<String> response, int status) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }
}
