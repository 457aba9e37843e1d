package org.itsupport.decisions;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;

/**
 * A decision's test sheet, kept beside it as {@code decisions/tests/<decision-id>.csv} and edited in a
 * spreadsheet: a header naming the table's inputs, then its outputs (then optionally "note"), and one row per
 * case. An empty expected output means the rule leaves it empty; "no rule" in the first output column means
 * no rule may match. Each failing row is reported the way its author reads it:
 * "row 7: impact=department, urgency=high → expected priority=P2, got priority=P3".
 */
public final class DecisionSheet {

  public static final String NO_RULE = "no rule";
  public static final String NOTE = "note";

  /** One case: its row number as the spreadsheet shows it, and its cells. */
  private record Row(long number, List<String> cells) {
  }

  private final String name;
  private final List<String> header;
  private final List<Row> rows;

  private DecisionSheet(String name, List<String> header, List<Row> rows) {
    this.name = name;
    this.header = header;
    this.rows = rows;
  }

  /** Reads CSV as a spreadsheet saves it: comma or semicolon separated, optional quotes and byte-order mark. */
  public static DecisionSheet parse(String name, String csv) {
    String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
    String firstLine = text.lines().findFirst().orElse("");
    char separator = firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 ? ';' : ',';
    List<CSVRecord> records;
    try {
      records = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreSurroundingSpaces(true).get()
          .parse(new StringReader(text)).getRecords();
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalArgumentException(name + " is not a readable CSV file: " + e.getMessage(), e);
    }
    if (records.isEmpty()) {
      return new DecisionSheet(name, List.of(), List.of());
    }
    List<String> header = records.get(0).toList();
    // a spreadsheet saves an emptied row as ",,,": skip it, but keep the numbers of the rows after it
    List<Row> rows = records.stream().skip(1).filter(row -> row.stream().anyMatch(cell -> !cell.isBlank()))
        .map(row -> new Row(row.getRecordNumber(), row.toList())).toList();
    return new DecisionSheet(name, header, rows);
  }

  /** Runs every row against the decision; one message per problem, none when every row holds. */
  public List<String> check(DmnEngine engine, DmnDecision decision, DecisionTable table) {
    List<String> inputs = table.getInputs().stream().map(DecisionSheet::inputName).toList();
    List<String> outputs = table.getOutputs().stream().map(Output::getName).toList();
    List<String> problems = new ArrayList<>();
    for (String column : concat(inputs, outputs)) {
      if (!header.contains(column)) {
        problems.add(name + " header: no column for '" + column + "'");
      }
    }
    for (String column : header) {
      if (!inputs.contains(column) && !outputs.contains(column) && !NOTE.equals(column)) {
        problems.add(name + " header: '" + column + "' is neither an input nor an output of " + decision.getKey());
      }
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    Map<String, String> inputTypes = new LinkedHashMap<>();
    table.getInputs().forEach(input -> inputTypes.put(inputName(input), input.getInputExpression().getTypeRef()));
    if (rows.isEmpty()) {
      problems.add(name + " has no rows to check");
    }
    for (Row row : rows) {
      check(row.number(), row.cells(), engine, decision, inputTypes, outputs).ifPresent(problems::add);
    }
    return problems;
  }

  private Optional<String> check(long rowNumber, List<String> row, DmnEngine engine, DmnDecision decision,
      Map<String, String> inputTypes, List<String> outputs) {
    Map<String, String> given = new LinkedHashMap<>();
    inputTypes.keySet().forEach(input -> given.put(input, cell(row, input)));
    String cases = "row " + rowNumber + ": " + describe(given);
    VariableMap variables = Variables.createVariables();
    for (Map.Entry<String, String> input : given.entrySet()) {
      try {
        variables.putValue(input.getKey(), typed(input.getValue(), inputTypes.get(input.getKey())));
      } catch (IllegalArgumentException e) {
        return Optional.of(cases + " → " + input.getKey() + ": " + e.getMessage());
      }
    }
    DmnDecisionTableResult result;
    try {
      result = engine.evaluateDecisionTable(decision, variables);
    } catch (RuntimeException e) {
      return Optional.of(cases + " → the table fails: " + e.getMessage());
    }
    if (NO_RULE.equalsIgnoreCase(cell(row, outputs.get(0)))) {
      return result.isEmpty() ? Optional.empty()
          : Optional.of(cases + " → expected no rule, got " + describe(actual(result.get(0), outputs)));
    }
    if (result.size() != 1) {
      return Optional.of(cases + " → expected one rule, got " + (result.isEmpty() ? "no rule"
          : result.size() + " rules"));
    }
    Map<String, String> actual = actual(result.get(0), outputs);
    Map<String, String> expected = new LinkedHashMap<>();
    Map<String, String> got = new LinkedHashMap<>();
    for (String output : outputs) {
      if (!Objects.equals(cell(row, output), actual.get(output))) {
        expected.put(output, cell(row, output));
        got.put(output, actual.get(output));
      }
    }
    return expected.isEmpty() ? Optional.empty()
        : Optional.of(cases + " → expected " + describe(expected) + ", got " + describe(got));
  }

  private String cell(List<String> row, String column) {
    int index = header.indexOf(column);
    return index < row.size() ? row.get(index).trim() : "";
  }

  private static Map<String, String> actual(Map<String, Object> entries, List<String> outputs) {
    Map<String, String> actual = new LinkedHashMap<>();
    outputs.forEach(output -> actual.put(output, text(entries.get(output))));
    return actual;
  }

  private static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double number && number == Math.rint(number)) {
      return String.valueOf(number.longValue());
    }
    return String.valueOf(value);
  }

  private static Object typed(String cell, String typeRef) {
    if (cell.isEmpty()) {
      return null;
    }
    return switch (typeRef == null ? "string" : typeRef) {
      case "integer" -> Integer.valueOf(cell);
      case "long" -> Long.valueOf(cell);
      case "double" -> Double.valueOf(cell);
      case "boolean" -> switch (cell.toLowerCase()) {
        case "true" -> true;
        case "false" -> false;
        default -> throw new IllegalArgumentException("'" + cell + "' is neither true nor false");
      };
      default -> cell;
    };
  }

  private static String describe(Map<String, String> values) {
    return String.join(", ", values.entrySet().stream()
        .map(value -> value.getKey() + "=" + (value.getValue().isEmpty() ? "(empty)" : value.getValue())).toList());
  }

  static String inputName(Input input) {
    return input.getInputExpression().getText().getTextContent().trim();
  }

  private static List<String> concat(Collection<String> first, Collection<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
