package org.itsupport.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Lists of records kept as Json process variables: Cockpit shows them as Json, Tasklist hands them to the
 * forms as arrays, and they have no length limit (unlike String variables).
 */
public final class JsonVariables {

  private static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private JsonVariables() {
  }

  public static <T> List<T> readList(VariableScope scope, String name, Class<T> type) {
    return readList((TypedValue) scope.getVariableTyped(name, false), name, type);
  }

  /** Reads a list from a variable fetched without deserialising it (e.g. through RuntimeService). */
  public static <T> List<T> readList(TypedValue value, String name, Class<T> type) {
    String json = value instanceof SerializableValue serializable ? serializable.getValueSerialized() : null;
    if (json == null) {
      return List.of();
    }
    try {
      return JSON.readValue(json, JSON.getTypeFactory().constructCollectionType(List.class, type));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(name + ": not a Json list of " + type.getSimpleName(), e);
    }
  }

  public static TypedValue list(List<?> items) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(items)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + items + " as Json", e);
    }
  }
}
