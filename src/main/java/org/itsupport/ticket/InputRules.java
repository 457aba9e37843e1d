package org.itsupport.ticket;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The server-side rules of one form: required fields, value lists, fields required only in some case.
 * Tasklist enforces the same rules in the browser; these also hold for REST callers.
 */
public final class InputRules {

  /** Reads a submitted or stored value by variable name. */
  public interface Values extends Function<String, Object> {
  }

  /** A field and what is wrong with it. */
  public record Problem(String field, String message) {

    /** A field name as the caller sent it, cut short: an answer never echoes a large input back. */
    public Problem {
      field = shortened(field, 80);
    }

    @Override
    public String toString() {
      return field + ": " + message;
    }
  }

  private interface Rule {
    Optional<Problem> problem(Values values);
  }

  private final List<Rule> rules;
  private final Map<String, List<String>> valueLists;
  private final Map<String, Integer> maxLengths;

  private InputRules(List<Rule> rules, Map<String, List<String>> valueLists, Map<String, Integer> maxLengths) {
    this.rules = List.copyOf(rules);
    this.valueLists = Map.copyOf(valueLists);
    this.maxLengths = Map.copyOf(maxLengths);
  }

  /** Refuses every name that is not one of the form's fields, each named in the answer. */
  public static void onlyFields(Collection<String> names, Collection<String> fields) {
    List<Problem> others = names.stream().filter(name -> !fields.contains(name)).sorted()
        .map(name -> new Problem(name, "is not a field of this form")).toList();
    if (!others.isEmpty()) {
      throw new InvalidInputException(others);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Throws {@link InvalidInputException} listing every problem; returns quietly when all rules hold. */
  public void check(Values values) {
    List<Problem> problems = rules.stream().map(rule -> rule.problem(values)).flatMap(Optional::stream).toList();
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  /** The allowed values of a field with a value list; empty when it has none. */
  public List<String> allowedValues(String field) {
    return valueLists.getOrDefault(field, List.of());
  }

  /** A value the caller sent, in quotes, cut short after 40 characters. */
  public static String quoted(Object value) {
    return "'" + shortened(String.valueOf(value), 40) + "'";
  }

  private static String shortened(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length) + "…";
  }

  /** The longest text a field takes, when a rule limits it. */
  public Optional<Integer> maxLength(String field) {
    return Optional.ofNullable(maxLengths.get(field));
  }

  private static Optional<Instant> parseDateTime(String text, ZoneId zone) {
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException withoutOffset) {
      try {
        return Optional.of(LocalDateTime.parse(text).atZone(zone).toInstant());
      } catch (DateTimeParseException notADateTime) {
        return Optional.empty();
      }
    }
  }

  /** Nothing a person could read: empty, or only spaces and invisible characters (zero-width spaces and the like). */
  private static boolean isBlank(Object value) {
    return value == null || value instanceof String text
        && text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
        || Character.getType(c) == Character.FORMAT);
  }

  /**
   * Why a text cannot be kept as typed, if it cannot: control characters other than line breaks and tabs (a NUL
   * byte is refused by PostgreSQL), or half of a character (a lone surrogate).
   */
  public static Optional<String> unstorable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return Optional.of("contains a broken character at position " + (i + 1));
      } else if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
        return Optional.of("contains a control character at position " + (i + 1));
      }
    }
    return Optional.empty();
  }

  public static final class Builder {

    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, List<String>> valueLists = new LinkedHashMap<>();
    private final Map<String, Integer> maxLengths = new LinkedHashMap<>();

    public Builder required(String... fields) {
      for (String field : fields) {
        rules.add(values -> isBlank(values.apply(field)) ? Optional.of(new Problem(field, "is required")) : Optional.empty());
      }
      return this;
    }

    /** Required, and one of the listed values. */
    public Builder oneOf(String field, String... allowed) {
      List<String> list = List.of(allowed);
      valueLists.put(field, list);
      rules.add(values -> {
        Object value = values.apply(field);
        if (isBlank(value)) {
          return Optional.of(new Problem(field, "is required"));
        }
        return list.contains(value)
            ? Optional.empty()
            : Optional.of(new Problem(field, quoted(value) + " is not one of " + String.join(", ", list)));
      });
      return this;
    }

    public Builder maxLength(String field, int max) {
      maxLengths.put(field, max);
      rules.add(values -> values.apply(field) instanceof String text && text.length() > max
          ? Optional.of(new Problem(field, "is " + text.length() + " characters long, at most " + max + " are allowed"))
          : Optional.empty());
      return this;
    }

    /** Required when another field has the given value. */
    public Builder requiredWhen(String field, String otherField, String otherValue) {
      return requiredWhen(field, values -> otherValue.equals(values.apply(otherField)),
          otherField + " is '" + otherValue + "'");
    }

    public Builder requiredWhen(String field, Predicate<Values> condition, String conditionText) {
      rules.add(values -> condition.test(values) && isBlank(values.apply(field))
          ? Optional.of(new Problem(field, "is required when " + conditionText))
          : Optional.empty());
      return this;
    }

    /** Required true or false. */
    public Builder yesOrNo(String field) {
      rules.add(values -> values.apply(field) instanceof Boolean
          ? Optional.empty()
          : Optional.of(new Problem(field, "must be true or false")));
      return this;
    }

    /** A whole number from min to max, required unless {@code skip} holds. */
    public Builder wholeNumberBetween(String field, int min, int max, Predicate<Values> skip) {
      rules.add(values -> {
        if (skip.test(values)) {
          return Optional.empty();
        }
        Object value = values.apply(field);
        boolean ok = value instanceof Number number
            && number.doubleValue() == Math.rint(number.doubleValue())
            && number.doubleValue() >= min && number.doubleValue() <= max;
        return ok ? Optional.empty()
            : Optional.of(new Problem(field, "must be a whole number from " + min + " to " + max));
      });
      return this;
    }

    /** A rule of the form's own: what is wrong with the field, or nothing. */
    public Builder rule(String field, Function<Values, Optional<String>> problem) {
      rules.add(values -> problem.apply(values).map(message -> new Problem(field, message)));
      return this;
    }

    /** Rules that apply only when {@code condition} holds, e.g. the plan's fields once the plan is ready. */
    public Builder when(Predicate<Values> condition, Consumer<Builder> conditionalRules) {
      Builder nested = new Builder();
      conditionalRules.accept(nested);
      valueLists.putAll(nested.valueLists);
      maxLengths.putAll(nested.maxLengths);
      for (Rule rule : nested.rules) {
        rules.add(values -> condition.test(values) ? rule.problem(values) : Optional.empty());
      }
      return this;
    }

    /** Text only: anything else (a number, a list) is refused. */
    public Builder text(String... fields) {
      for (String field : fields) {
        rules.add(values -> {
          Object value = values.apply(field);
          if (value instanceof String text) {
            return unstorable(text).map(reason -> new Problem(field, reason));
          }
          return value == null ? Optional.empty() : Optional.of(new Problem(field, "must be text"));
        });
      }
      return this;
    }

    /**
     * An optional date and time (ISO-8601, with or without offset) that is not in the future, allowing a few
     * minutes of clock difference, and not more than ten years back.
     */
    public Builder pastDateTime(String field, ZoneId zone, Supplier<Instant> now) {
      rules.add(values -> {
        if (!(values.apply(field) instanceof String text) || text.isBlank()) {
          return Optional.empty();
        }
        Optional<Instant> at = parseDateTime(text.trim(), zone);
        if (at.isEmpty()) {
          return Optional.of(new Problem(field, quoted(text) + " is not a date and time such as 2026-11-20T09:30"));
        }
        if (at.get().isAfter(now.get().plus(Duration.ofMinutes(5)))) {
          return Optional.of(new Problem(field, quoted(text) + " lies in the future"));
        }
        if (at.get().isBefore(now.get().minus(Duration.ofDays(3653)))) {
          return Optional.of(new Problem(field, quoted(text) + " lies more than ten years back"));
        }
        return Optional.empty();
      });
      return this;
    }

    public InputRules build() {
      return new InputRules(rules, valueLists, maxLengths);
    }
  }
}
