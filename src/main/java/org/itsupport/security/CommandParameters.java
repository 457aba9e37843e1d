package org.itsupport.security;

import java.lang.reflect.Field;
import java.util.Map;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * The parameters a caller gave one of Camunda's commands. The commands keep them in protected fields and offer
 * no getters; a missing field (after an engine upgrade) fails loudly, never lets a command through unchecked.
 */
final class CommandParameters {

  private CommandParameters() {
  }

  static String text(Command<?> command, String name) {
    return (String) read(command, name);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Command<?> command, String name) {
    Map<String, Object> values = (Map<String, Object>) read(command, name);
    return values == null ? Map.of() : values;
  }

  static User user(Command<?> command) {
    return (User) read(command, "user");
  }

  private static Object read(Command<?> command, String name) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(command);
      } catch (NoSuchFieldException notHere) {
        // a superclass may declare it
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Cannot read " + name + " of " + command.getClass().getName(), e);
      }
    }
    throw new IllegalStateException(command.getClass().getName() + " has no parameter " + name);
  }
}
