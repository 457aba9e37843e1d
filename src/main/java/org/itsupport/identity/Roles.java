package org.itsupport.identity;

import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** The Camunda groups of the ticket process's roles; decisions and the model name these ids. */
public final class Roles {

  private Roles() {
  }

  public static final String REQUESTERS = "requesters";
  public static final String SERVICE_DESK = "service-desk";
  public static final String HARDWARE_SUPPORT = "hardware-support";
  public static final String SOFTWARE_SUPPORT = "software-support";
  public static final String NETWORK_SUPPORT = "network-support";
  public static final String SECURITY_RESPONSE = "security-response";
  public static final String CHANGE_APPROVERS = "change-approvers";
  public static final String SERVICE_MANAGERS = "service-managers";
  public static final String PROCESS_OWNERS = "process-owners";
  public static final String AUDITORS = "auditors";

  /** A group and the name Admin and Tasklist show for it. */
  public record Role(String id, String name) {
  }

  public static final List<Role> ALL = List.of(
      new Role(REQUESTERS, "Requesters"),
      new Role(SERVICE_DESK, "Service desk (L1)"),
      new Role(HARDWARE_SUPPORT, "Hardware support (L2)"),
      new Role(SOFTWARE_SUPPORT, "Software support (L2)"),
      new Role(NETWORK_SUPPORT, "Network support (L2)"),
      new Role(SECURITY_RESPONSE, "Security response (L3)"),
      new Role(CHANGE_APPROVERS, "Change approvers"),
      new Role(SERVICE_MANAGERS, "Service managers"),
      new Role(PROCESS_OWNERS, "Process owners"),
      new Role(AUDITORS, "Auditors"));

  /** Groups that work ticket tasks in Tasklist. */
  public static final List<String> AGENTS = List.of(SERVICE_DESK, HARDWARE_SUPPORT, SOFTWARE_SUPPORT,
      NETWORK_SUPPORT, SECURITY_RESPONSE, CHANGE_APPROVERS, SERVICE_MANAGERS);

  /** Everyone who works tickets or owns the rules: the agents and the process owners. */
  public static final List<String> STAFF = Stream.concat(AGENTS.stream(), Stream.of(PROCESS_OWNERS)).toList();

  /** Whether the signed-in user is in the group. */
  public static boolean isMember(Authentication user, String group) {
    return user != null && user.getGroupIds() != null && user.getGroupIds().contains(group);
  }

  /** Operators administer the engine (camunda-admin): jobs, incidents, users, anything outside a ticket's work. */
  public static boolean isOperator(Authentication user) {
    return isMember(user, Groups.CAMUNDA_ADMIN);
  }

  public static List<String> allIds() {
    return ALL.stream().map(Role::id).toList();
  }
}
