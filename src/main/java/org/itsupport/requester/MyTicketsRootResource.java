package org.itsupport.requester;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;

/** The plugin's API under /camunda/api/tasklist/plugin/my-tickets/{engine}/, and its front end. */
@Path("plugin/" + MyTicketsPlugin.ID)
public class MyTicketsRootResource extends AbstractTasklistPluginRootResource {

  public MyTicketsRootResource() {
    super(MyTicketsPlugin.ID);
  }

  @Path("{engineName}")
  public MyTicketsResource tickets(@PathParam("engineName") String engineName) {
    return subResource(new MyTicketsResource(engineName), engineName);
  }

  @Override
  protected List<String> getAllowedAssets() {
    return List.of("app/plugin.js", "app/plugin.css");
  }
}
