package org.itsupport.review;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The Service review page in Cockpit, for service managers and auditors: a month's figures with charts, the trend,
 * the meeting's outcome, print and CSV. Cockpit finds it through META-INF/services and loads its front end from
 * plugin-webapp/service-review/app.
 */
public class ServiceReviewPlugin extends AbstractCockpitPlugin {

  public static final String ID = "service-review";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(ServiceReviewRootResource.class);
  }
}
