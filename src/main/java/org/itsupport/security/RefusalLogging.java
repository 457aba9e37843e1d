package org.itsupport.security;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import jakarta.annotation.PostConstruct;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * A refused request is not an error of the application: the engine logs every exception that ends a command at
 * ERROR with its whole stack trace (ENGINE-16004), refused forms and rights included. Those are left out here;
 * {@link UserCommandRules} logs each refusal in one line at INFO instead. Technical failures keep their ERROR.
 */
@Component
public class RefusalLogging extends TurboFilter {

  private static final String ENGINE_CONTEXT = "org.camunda.bpm.engine.context";

  @PostConstruct
  void register() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (factory instanceof LoggerContext logback && !logback.getTurboFilterList().contains(this)) {
      logback.addTurboFilter(this);
    }
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
      Throwable thrown) {
    if (level != Level.ERROR || !ENGINE_CONTEXT.equals(logger.getName())) {
      return FilterReply.NEUTRAL;
    }
    Throwable cause = thrown;
    if (cause == null && params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) {
      cause = last;
    }
    return cause != null && UserCommandRules.isRefusal(cause) ? FilterReply.DENY : FilterReply.NEUTRAL;
  }
}
