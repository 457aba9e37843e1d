package org.itsupport.requester;

import java.util.Set;
import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;

/**
 * The requesters' view in Tasklist: "My tickets" (their tickets, open and closed, with where each stands and
 * what it waits for), the new ticket's number and deadlines right after the start form, and the start form filled
 * in from their profile. Tasklist finds it through META-INF/services and loads plugin-webapp/my-tickets/app.
 */
public class MyTicketsPlugin extends AbstractTasklistPlugin {

  public static final String ID = "my-tickets";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(MyTicketsRootResource.class);
  }
}
