package org.itsupport.intake;

import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The intake API for the portal and for monitoring: {@code POST /api/tickets} opens a ticket (201, or 200
 * with the earlier ticket for a repeated Idempotency-Key or alert key); {@code GET /api/tickets/{number}}
 * tells its requester and the agents where it stands. Authentication: HTTP Basic (see RestApiSecurity).
 */
@RestController
@RequestMapping("/api/tickets")
public class TicketIntakeController {

  private final TicketIntake intake;

  public TicketIntakeController(TicketIntake intake) {
    this.intake = intake;
  }

  @PostMapping
  public ResponseEntity<TicketView> open(@RequestBody Map<String, Object> ticket,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    TicketIntake.Registration registration = intake.open(ticket, idempotencyKey);
    TicketView opened = registration.ticket();
    return registration.created()
        ? ResponseEntity.created(URI.create("/api/tickets/" + opened.number())).body(opened)
        : ResponseEntity.ok(opened);
  }

  @GetMapping("/{number}")
  public ResponseEntity<TicketView> status(@PathVariable String number) {
    return ResponseEntity.of(intake.find(number));
  }
}
