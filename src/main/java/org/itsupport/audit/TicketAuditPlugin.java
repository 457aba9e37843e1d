package org.itsupport.audit;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The auditors' pages in Cockpit: ticket search and each ticket's trail, read from the engine's history.
 * Cockpit finds it through META-INF/services and loads its front end from plugin-webapp/ticket-audit/app.
 */
public class TicketAuditPlugin extends AbstractCockpitPlugin {

  public static final String ID = "ticket-audit";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(TicketAuditRootResource.class);
  }

  /** The ticket search's SQL, run by Cockpit's query service. */
  @Override
  public List<String> getMappingFiles() {
    return List.of("org/itsupport/audit/ticket-search.xml");
  }
}
