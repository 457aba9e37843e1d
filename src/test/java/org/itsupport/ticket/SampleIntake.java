package org.itsupport.ticket;

import static org.itsupport.model.TicketVariables.*;

import java.util.HashMap;
import java.util.Map;

/** A complete start form as alice fills it in: a P3 hardware ticket (one user, seriously impaired). */
public final class SampleIntake {

  private SampleIntake() {
  }

  public static Map<String, Object> intake() {
    Map<String, Object> intake = new HashMap<>();
    intake.put(REQUESTER_ID, "alice");
    intake.put(REQUESTER_NAME, "Alice Archer");
    intake.put(REQUESTER_DEPARTMENT, "Finance");
    intake.put(REQUESTER_CONTACT, "alice@example.org");
    intake.put(CHANNEL, "portal");
    intake.put(SERVICE_TYPE, "hardware");
    intake.put(TITLE, "Laptop cannot log in");
    intake.put(DESCRIPTION, "Windows says the account is locked");
    intake.put(IMPACT, "single-user");
    intake.put(URGENCY, "high");
    intake.put(AFFECTED_SYSTEM, "LT-0042");
    return intake;
  }

  public static Map<String, Object> intake(Map<String, Object> overrides) {
    Map<String, Object> intake = intake();
    intake.putAll(overrides);
    return intake;
  }
}
