package org.itsupport.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Nodes that share a database start one after the other. What a start creates when it is missing (the
 * administrator, the role groups and their authorizations, the Tasklist filters, the demo users) is checked and
 * created by separate calls, so two nodes starting at the same moment on an empty database would both create it.
 * From before the engine is built (its plugins create the administrator) until the application is ready, a
 * starting node holds a row lock on {@code application_lock}; another node starting meanwhile waits for it.
 * Camunda serialises its own deployments and start-up steps across nodes with locks of its own; a node that dies
 * while starting loses its connection, and with it the lock.
 */
@Component
public class StartupLock extends AbstractProcessEnginePlugin implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);
  /** Longer than any start takes; a node that waits longer stops with an error instead of waiting for ever. */
  static final Duration MAX_WAIT = Duration.ofMinutes(10);

  private final DataSource dataSource;
  private Connection holding;

  public StartupLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    acquire();
  }

  synchronized void acquire() {
    if (holding != null) {
      return;
    }
    try {
      Connection connection = dataSource.getConnection();
      try {
        connection.setAutoCommit(false);
        if (!lock(connection, " nowait")) {
          LOG.info("Another node sharing the database is starting; waiting for it to finish");
          long started = System.nanoTime();
          if (!lock(connection, "")) {
            throw new IllegalStateException("Another node sharing the database was still starting after "
                + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s: check it, or stop it");
          }
          LOG.info("The other node has finished starting (waited {} s); starting now",
              Duration.ofNanos(System.nanoTime() - started).toSeconds());
        }
      } catch (SQLException | RuntimeException e) {
        connection.close();
        throw e;
      }
      holding = connection;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not take the start-up lock (table application_lock): " + e.getMessage(), e);
    }
  }

  /** Locks the row; false when another node holds it (NOWAIT), or still holds it after MAX_WAIT. */
  private static boolean lock(Connection connection, String nowait) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement(
        "select name from application_lock where name = 'startup' for update" + nowait)) {
      lock.setQueryTimeout((int) MAX_WAIT.toSeconds());
      lock.executeQuery().close();
      return true;
    } catch (SQLException lockedElsewhere) {
      // PostgreSQL aborts the transaction on a failed statement
      connection.rollback();
      if (nowait.isEmpty() && !isTimeout(lockedElsewhere)) {
        throw lockedElsewhere;
      }
      return false;
    }
  }

  private static boolean isTimeout(SQLException e) {
    return e instanceof SQLTimeoutException || "57014".equals(e.getSQLState());
  }

  /** Also when a start fails half-way: the context is then destroyed, and this bean with it. */
  @Override
  public void destroy() {
    release();
  }

  @EventListener(ApplicationReadyEvent.class)
  public synchronized void release() {
    if (holding == null) {
      return;
    }
    try (Connection connection = holding) {
      connection.rollback();
    } catch (SQLException e) {
      LOG.warn("Could not release the start-up lock cleanly; closing its connection releases it: {}", e.getMessage());
    } finally {
      holding = null;
    }
  }
}
