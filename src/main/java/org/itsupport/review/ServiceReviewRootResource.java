package org.itsupport.review;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The page's API under /camunda/api/cockpit/plugin/service-review/{engine}/, and its static front end: plugin.js,
 * plugin.css and the Chart.js bundle the charts are drawn with.
 */
@Path("plugin/" + ServiceReviewPlugin.ID)
public class ServiceReviewRootResource extends AbstractCockpitPluginRootResource {

  public ServiceReviewRootResource() {
    super(ServiceReviewPlugin.ID);
  }

  @Path("{engineName}")
  public ServiceReviewResource reviews(@PathParam("engineName") String engineName) {
    // the webapps run in the application's servlet context: its Spring beans are at hand
    ReviewPages pages = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext)
        .getBean(ReviewPages.class);
    return subResource(new ServiceReviewResource(engineName, pages), engineName);
  }

  @Override
  protected List<String> getAllowedAssets() {
    return List.of("app/plugin.js", "app/plugin.css", "app/vendor/chart.umd.js");
  }
}
