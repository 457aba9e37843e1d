package org.itsupport.audit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.itsupport.notification.NoticeOutbox;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The plugin's API under /camunda/api/cockpit/plugin/ticket-audit/{engine}/, and its static front end:
 * plugin.js and plugin.css, plus the bpmn-js viewer the trail page draws the diagram with.
 */
@Path("plugin/" + TicketAuditPlugin.ID)
public class TicketAuditRootResource extends AbstractCockpitPluginRootResource {

  public TicketAuditRootResource() {
    super(TicketAuditPlugin.ID);
  }

  @Path("{engineName}")
  public TicketAuditResource tickets(@PathParam("engineName") String engineName) {
    // the webapps run in the application's servlet context: its Spring beans are at hand
    NoticeOutbox conversation = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext)
        .getBean(NoticeOutbox.class);
    return subResource(new TicketAuditResource(engineName, conversation), engineName);
  }

  @Override
  protected List<String> getAllowedAssets() {
    return List.of("app/plugin.js", "app/plugin.css", "app/vendor/bpmn-navigated-viewer.production.min.js",
        "app/vendor/diagram-js.css");
  }
}
