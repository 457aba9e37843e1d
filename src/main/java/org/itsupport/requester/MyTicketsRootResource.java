package org.itsupport.requester;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;
import org.itsupport.notification.NoticeOutbox;
import org.itsupport.notification.TaskConversation;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/** The plugin's API under /camunda/api/tasklist/plugin/my-tickets/{engine}/, and its front end. */
@Path("plugin/" + MyTicketsPlugin.ID)
public class MyTicketsRootResource extends AbstractTasklistPluginRootResource {

  public MyTicketsRootResource() {
    super(MyTicketsPlugin.ID);
  }

  @Path("{engineName}")
  public MyTicketsResource tickets(@PathParam("engineName") String engineName) {
    // the webapps run in the application's servlet context: its Spring beans are at hand
    WebApplicationContext application = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
    return subResource(new MyTicketsResource(engineName, application.getBean(NoticeOutbox.class),
        application.getBean(TaskConversation.class)), engineName);
  }

  @Override
  protected List<String> getAllowedAssets() {
    return List.of("app/plugin.js", "app/plugin.css");
  }
}
