package org.itsupport.decisions;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The cells most decision tables are made of: {@code -}, a string literal or a list of them, {@code true} or
 * {@code false}. For an input of the literal's own type the answer is plain equality, so it is given here;
 * for any other input (null, another type) and any other expression there is no answer, and FEEL decides.
 * ParsedOnceFeelEngineTest holds these answers to Camunda's FEEL engine's.
 */
@FunctionalInterface
interface LiteralTest {

  /** Double-quoted strings without escapes, separated by commas. */
  Pattern STRINGS = Pattern.compile("\\s*\"[^\"\\\\]*\"\\s*(,\\s*\"[^\"\\\\]*\"\\s*)*");

  /** The answer for this input, or null when FEEL must answer. */
  Boolean test(Object input);

  static LiteralTest of(String unaryTests) {
    String trimmed = unaryTests.trim();
    if (trimmed.equals("-")) {
      return input -> true;
    }
    if (trimmed.equals("true") || trimmed.equals("false")) {
      boolean value = Boolean.parseBoolean(trimmed);
      return input -> input instanceof Boolean bool ? bool == value : null;
    }
    if (STRINGS.matcher(unaryTests).matches()) {
      // no quote within a literal: splitting at quotes puts the literals at the odd positions
      String[] pieces = unaryTests.split("\"", -1);
      Set<String> values = new HashSet<>();
      for (int i = 1; i < pieces.length; i += 2) {
        values.add(pieces[i]);
      }
      return input -> input instanceof String string ? values.contains(string) : null;
    }
    return input -> null;
  }
}
