package org.itsupport.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper.CompositeValueMapper;
import org.itsupport.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The FEEL engine that parses once, and answers literal cells itself, must answer exactly as Camunda's, which
 * parses every time.
 */
@ApplicationTest
class ParsedOnceFeelEngineTest {

  private static final List<String> UNARY_TESTS = List.of("\"department\"", "\"P1\",\"P2\"", " \"P1\" , \"P2\" ",
      "\"a,b\",\"c\"", "\"\"", "\"P1\" \"P2\"", "\"P1\",", "\"a\\\"b\"", "not(\"P1\")", "-", " - ", "", "< 3",
      "[1..3]", "1", "true", " false ", "null", "? > 2", "contains(?, \"part\")",
      "date and time(\"2026-01-01T00:00:00\") < date and time(\"2026-06-01T00:00:00\")", "unknownFunction(?)",
      "\"unclosed", "[1..", "\"departm\\u0065nt\"");
  private static final List<Object> INPUTS = Arrays.asList("department", "P2", "a,b", "a\"b", "department-part", "",
      " P1", 1, 2L, 3, 4.5, true, false, null, new java.util.Date(0));
  private static final List<String> EXPRESSIONS = List.of("impact", " impact ", "flag", "level", "level + 1",
      "\"P1\"", "100", "true", "null", "missingVariable", "nothing", "date", "impact + 1", "string length(impact)",
      "[1, 2][", "if level > 1 then \"many\" else \"one\"");

  @Autowired
  ProcessEngine engine;

  @Test
  void theProcessEngineAndTheStandaloneEnginesParseOnce() {
    DefaultDmnEngineConfiguration processEngines = ((ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration()).getDmnEngineConfiguration();
    DefaultDmnEngineConfiguration standalone = (DefaultDmnEngineConfiguration) DecisionEngines.standalone()
        .getConfiguration();

    assertThat(processEngines.getFeelEngine()).isInstanceOf(ParsedOnceFeelEngine.class);
    assertThat(standalone.getFeelEngine()).isInstanceOf(ParsedOnceFeelEngine.class);
  }

  @Test
  void unaryTestsAnswerAsCamundasEngineDoes() {
    FeelEngine camunda = new ScalaFeelEngine(List.of());
    FeelEngine parsedOnce = new ParsedOnceFeelEngine(List.of());
    List<String> compared = new ArrayList<>();
    for (int pass = 0; pass < 2; pass++) {
      for (String test : UNARY_TESTS) {
        for (Object input : INPUTS) {
          VariableMap variables = Variables.createVariables().putValue("cellInput", input);
          String expected = outcome(() -> camunda.evaluateSimpleUnaryTests(test, "cellInput",
              variables.asVariableContext()));
          String actual = outcome(() -> parsedOnce.evaluateSimpleUnaryTests(test, "cellInput",
              variables.asVariableContext()));
          assertThat(actual).as("%s for input %s, pass %d", test, input, pass).isEqualTo(expected);
          compared.add(expected);
        }
      }
    }
    assertThat(compared).as("the cases cover matches, misses and failures")
        .anyMatch(outcome -> outcome.startsWith("true")).anyMatch(outcome -> outcome.startsWith("false"))
        .anyMatch(outcome -> outcome.startsWith("FeelException"));
  }

  @Test
  void expressionsAnswerAsCamundasEngineDoes() {
    FeelEngine camunda = new ScalaFeelEngine(List.of());
    FeelEngine parsedOnce = new ParsedOnceFeelEngine(List.of());
    VariableMap variables = Variables.createVariables().putValue("impact", "department").putValue("level", 2)
        .putValue("flag", true).putValue("nothing", null).putValue("date", new java.util.Date(0));
    for (int pass = 0; pass < 2; pass++) {
      for (String expression : EXPRESSIONS) {
        assertThat(outcome(() -> parsedOnce.evaluateSimpleExpression(expression, variables.asVariableContext())))
            .as("%s, pass %d", expression, pass)
            .isEqualTo(outcome(() -> camunda.evaluateSimpleExpression(expression, variables.asVariableContext())));
      }
    }
  }

  @Test
  void eachExpressionIsParsedOnce() {
    AtomicInteger parses = new AtomicInteger();
    FeelEngine counting = countingParses(parses);
    for (int i = 0; i < 100; i++) {
      VariableMap variables = Variables.createVariables().putValue("cellInput", i);
      counting.evaluateSimpleUnaryTests("< 50", "cellInput", variables.asVariableContext());
      counting.evaluateSimpleUnaryTests("[10..20]", "cellInput", variables.asVariableContext());
    }

    assertThat(parses).hasValue(2);
  }

  @Test
  void literalCellsOfTheInputsTypeAreAnsweredWithoutFeel() {
    AtomicInteger parses = new AtomicInteger();
    FeelEngine counting = countingParses(parses);
    for (String input : List.of("P1", "P2", "P3")) {
      VariableMap variables = Variables.createVariables().putValue("cellInput", input).putValue("flag", true);
      counting.evaluateSimpleUnaryTests("\"P1\",\"P2\"", "cellInput", variables.asVariableContext());
      counting.evaluateSimpleUnaryTests("-", "cellInput", variables.asVariableContext());
      counting.evaluateSimpleUnaryTests("true", "flag", variables.asVariableContext());
    }
    assertThat(parses).as("no literal cell went to FEEL").hasValue(0);

    VariableMap number = Variables.createVariables().putValue("cellInput", 1);
    counting.evaluateSimpleUnaryTests("\"P1\",\"P2\"", "cellInput", number.asVariableContext());
    assertThat(parses).as("a number against text literals goes to FEEL").hasValue(1);
  }

  /** The engine, counting what it hands to feel-scala's parser for unary tests. */
  private static FeelEngine countingParses(AtomicInteger parses) {
    return new ParsedOnceFeelEngine(List.of()) {
      @Override
      protected org.camunda.feel.FeelEngine buildFeelEngine(CustomFunctionTransformer functions,
          CompositeValueMapper valueMapper) {
        return new ParsedOnceFeelEngine.ParsingOnce(functions, valueMapper) {
          @Override
          public camundajar.impl.scala.util.Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression>
              parseUnaryTests(String expression) {
            parses.incrementAndGet();
            return super.parseUnaryTests(expression);
          }
        };
      }
    };
  }

  /** The value and its type, or the exception's type and message. */
  private static String outcome(Supplier<Object> evaluation) {
    try {
      Object value = evaluation.get();
      return value == null ? "null" : value + " (" + value.getClass().getSimpleName() + ")";
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }
}
