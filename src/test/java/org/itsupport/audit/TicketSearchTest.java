package org.itsupport.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.itsupport.model.TicketVariables.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.itsupport.ApplicationTest;
import org.itsupport.audit.AuditedTickets.AuditedTicket;
import org.itsupport.audit.TicketSearch.Criteria;
import org.itsupport.audit.TicketSearch.Page;
import org.itsupport.ticket.InvalidInputException;
import org.itsupport.ticket.SampleIntake;
import org.itsupport.model.TicketProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The auditor's ticket search over history, signed in as the auditor. Other tests share the database, so each
 * check narrows to tickets of this class: the audited ticket's number, or a requester name made up here.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketSearchTest {

  @Autowired
  ProcessEngine engine;

  /** Makes the tickets, and signs in as a demo user with that user's groups. */
  AuditedTickets fixture;
  @Autowired
  RuntimeService runtime;

  AuditedTicket closed;
  /** Three open tickets of one made-up requester, oldest first. */
  final List<String> open = new ArrayList<>();
  final String requesterName = "Requester " + UUID.randomUUID();

  @BeforeAll
  void tickets() {
    fixture = new AuditedTickets(engine);
    closed = fixture.createClosedTicket();
    for (String title : List.of("Printer jams", "Monitor flickers", "Mouse is dead")) {
      open.add(runtime.startProcessInstanceByKey(TicketProcess.KEY, SampleIntake.intake(Map.of(
          REQUESTER_ID, "bob", REQUESTER_NAME, requesterName, TITLE, title, IMPACT, "single-user",
          URGENCY, "low"))).getBusinessKey());
    }
  }

  @Test
  void byNumber_findsTheClosedTicket_withItsOutcome() {
    Page page = search(criteria("number", closed.number()), 0, 25);

    assertThat(page.total()).isEqualTo(1);
    assertThat(page.tickets()).singleElement().satisfies(row -> {
      assertThat(row.number()).isEqualTo(closed.number());
      assertThat(row.status()).isEqualTo("closed");
      assertThat(row.priority()).isEqualTo("P2");
      assertThat(row.requesterId()).isEqualTo("alice");
      assertThat(row.submittedAt()).isEqualTo("2026-11-10T09:00:00Z");
      assertThat(row.closedAt()).isEqualTo("2026-11-10T15:05:00Z");
      assertThat(row.responseSla()).isEqualTo("met");
      assertThat(row.resolutionSla()).isEqualTo("missed");
    });
  }

  @Test
  void everyFilter_keepsTheTicketItMatches_andDropsItWhenItDoesNot() {
    String number = closed.number();
    assertFound(criteria("number", number, "requester", "ALICE"), true); // the requester's id, in any case
    assertFound(criteria("number", number, "requester", "archer"), true); // part of the name
    assertFound(criteria("number", number, "requester", "bob"), false);
    assertFound(criteria("number", number, "serviceType", "hardware"), true);
    assertFound(criteria("number", number, "serviceType", "software"), false);
    assertFound(criteria("number", number, "priority", "p2"), true);
    assertFound(criteria("number", number, "priority", "P3"), false); // the priority it ended with counts
    assertFound(criteria("number", number, "status", "closed"), true);
    assertFound(criteria("number", number, "status", "open"), false);
    assertFound(criteria("number", number, "sla", "missed"), true);
    assertFound(criteria("number", number, "sla", "met"), false);
    assertFound(criteria("number", number, "submittedFrom", "2026-11-10T00:00:00Z",
        "submittedTo", "2026-11-11T00:00:00Z"), true);
    assertFound(criteria("number", number, "submittedFrom", "2026-11-10T09:00:01Z"), false);
    assertFound(criteria("number", number, "submittedTo", "2026-11-10T09:00:00Z"), false);
    assertThat(search(criteria("number", number.substring(0, number.length() - 1)), 0, 200).tickets())
        .as("the start of a number").extracting(TicketRow::number).contains(number);
  }

  @Test
  void openTickets_areFoundByRequesterName_newestFirst_aPageAtATime() {
    Criteria byName = criteria("requester", requesterName);

    Page first = search(byName, 0, 2);
    Page second = search(byName, 2, 2);

    assertThat(first.total()).isEqualTo(3);
    assertThat(first.tickets()).extracting(TicketRow::number).containsExactly(open.get(2), open.get(1));
    assertThat(second.tickets()).extracting(TicketRow::number).containsExactly(open.get(0));
    assertThat(first.tickets()).allSatisfy(row -> {
      assertThat(row.status()).isEqualTo("open");
      assertThat(row.closedAt()).isNull();
      assertThat(row.responseSla()).isEqualTo("running");
    });
    assertThat(search(criteria("requester", requesterName, "status", "open", "sla", "met"), 0, 25).total()).isZero();
  }

  @Test
  void badCriteria_areRefused_namingEachField() {
    Criteria bad = criteria("status", "done", "sla", "kept", "submittedFrom", "2026-11-10", "submittedTo", "yesterday");

    assertThatThrownBy(() -> search(bad, -1, 500)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("status").hasMessageContaining("sla").hasMessageContaining("submittedFrom")
        .hasMessageContaining("submittedTo").hasMessageContaining("firstResult").hasMessageContaining("maxResults");
  }

  @Test
  void csv_hasAHeader_andOneLinePerTicket() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    fixture.as("audrey", () -> {
      try {
        TicketsCsv.write(search(), criteria("requester", requesterName), out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return null;
    });
    String csv = out.toString(StandardCharsets.UTF_8);

    assertThat(csv.lines().toList()).hasSize(4);
    assertThat(csv.lines().findFirst().orElseThrow()).contains("number").contains("resolutionSla");
    assertThat(csv).contains(open.get(0)).contains("Mouse is dead");
  }

  @Test
  void aUserWithoutHistoryRights_findsNothing() {
    Page page = fixture.as("olga", () -> search().page(criteria("number", closed.number()), 0, 25));

    assertThat(page.total()).isZero();
  }

  private void assertFound(Criteria criteria, boolean found) {
    assertThat(search(criteria, 0, 25).tickets()).as("%s", criteria).extracting(TicketRow::number)
        .isEqualTo(found ? List.of(closed.number()) : List.of());
  }

  private Page search(Criteria criteria, int firstResult, int maxResults) {
    return fixture.as("audrey", () -> search().page(criteria, firstResult, maxResults));
  }

  /** The search as the plugin runs it, with Cockpit's query service for the default engine. */
  private TicketSearch search() {
    return new TicketSearch(engine, Cockpit.getQueryService(engine.getName()));
  }


  /** Criteria from name, value pairs; the names are the query parameters of the search page. */
  private static Criteria criteria(String... pairs) {
    Map<String, String> given = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      given.put(pairs[i], pairs[i + 1]);
    }
    return new Criteria(given.get("number"), given.get("requester"), given.get("serviceType"), given.get("priority"),
        given.get("status"), given.get("submittedFrom"), given.get("submittedTo"), given.get("sla"));
  }
}
