package org.itsupport.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements the application sends, by type and by type and table, whatever the database: the
 * benchmark's application context gets its DataSource wrapped by this (a plain JDBC proxy; unwrap still reaches
 * the pool). Counting is off until {@link #start()}.
 */
final class StatementCounter implements BeanPostProcessor {

  private static final Pattern TABLE = Pattern.compile("(?i)\\b(?:from|into|update)\\s+(\\w+)");
  /** -Dbench.sqlTexts=true: also by the statement's text ("text ..."), to see which statements a change added. */
  private static final boolean TEXTS = Boolean.getBoolean("bench.sqlTexts");

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private volatile boolean counting;

  void start() {
    counts.clear();
    counting = true;
  }

  /** Statements since start(), by "type" and by "type TABLE". */
  Map<String, Long> stop() {
    counting = false;
    Map<String, Long> snapshot = new TreeMap<>();
    counts.forEach((key, count) -> snapshot.put(key, count.sum()));
    return snapshot;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    return bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())
        ? proxy(DataSource.class, dataSource, this::wrapConnections) : bean;
  }

  private Object wrapConnections(Object target, Method method, Object[] args) throws Throwable {
    Object result = call(target, method, args);
    return result instanceof Connection connection ? proxy(Connection.class, connection, this::onConnection) : result;
  }

  private Object onConnection(Object target, Method method, Object[] args) throws Throwable {
    Object result = call(target, method, args);
    if (method.getName().equals("commit")) {
      count("commit");
    }
    if (result instanceof PreparedStatement prepared && args != null && args[0] instanceof String sql) {
      return proxy(PreparedStatement.class, prepared, (statement, executed, parameters) -> {
        // a batch (the engine batches its inserts, updates and deletes on PostgreSQL) counts each statement in it
        String name = executed.getName();
        if (name.equals("addBatch") || name.startsWith("execute") && !name.equals("executeBatch")) {
          count(sql);
        }
        return call(statement, executed, parameters);
      });
    }
    if (result instanceof Statement plain && !(result instanceof PreparedStatement)) {
      return proxy(Statement.class, plain, (statement, executed, parameters) -> {
        if (executed.getName().startsWith("execute") && parameters != null && parameters[0] instanceof String sql) {
          count(sql);
        }
        return call(statement, executed, parameters);
      });
    }
    return result;
  }

  private void count(String sql) {
    if (!counting) {
      return;
    }
    String text = sql.trim().replaceAll("\\s+", " ");
    String type = text.split(" ", 2)[0].toLowerCase(Locale.ROOT);
    counts.computeIfAbsent(type, key -> new LongAdder()).increment();
    Matcher table = TABLE.matcher(text);
    if (table.find()) {
      counts.computeIfAbsent(type + " " + table.group(1).toUpperCase(Locale.ROOT), key -> new LongAdder()).increment();
    }
    if (TEXTS) {
      counts.computeIfAbsent("text " + text.substring(0, Math.min(text.length(), 300)), key -> new LongAdder())
          .increment();
    }
  }

  @FunctionalInterface
  private interface Handler {
    Object handle(Object target, Method method, Object[] args) throws Throwable;
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, T target, Handler handler) {
    InvocationHandler invocation = (proxy, method, args) -> handler.handle(target, method, args);
    return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, invocation);
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
