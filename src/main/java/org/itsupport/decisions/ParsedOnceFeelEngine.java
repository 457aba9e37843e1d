package org.itsupport.decisions;

import camundajar.impl.scala.util.Either;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.Context;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper.CompositeValueMapper;

/**
 * Camunda's FEEL engine for decision tables, parsing each expression once instead of on every evaluation.
 * Camunda's {@link ScalaFeelEngine} hands feel-scala the text of an input entry each time a rule is tried,
 * and feel-scala parses it again: that parsing was nine tenths of a table's evaluation time. Everything else
 * is Camunda's: the same feel-scala engine, value mappers, custom functions, contexts and error messages.
 * <p>
 * The plainest cells and inputs are answered without FEEL, as FEEL answers them: a literal cell for an input
 * of its type ({@link LiteralTest}), and an input expression that only names a text or yes/no variable.
 * Interpreting even those took feel-scala some ten microseconds, most of a table's remaining time.
 */
public class ParsedOnceFeelEngine extends ScalaFeelEngine {

  /** A plain name; FEEL's keywords and literals are names too, and are left to FEEL. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "not", "and", "or", "between", "in",
      "instance", "of", "if", "then", "else", "for", "return", "some", "every", "satisfies", "function", "external");

  private final Map<String, LiteralTest> literalTests = new ConcurrentHashMap<>();

  public ParsedOnceFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
    super(functionProviders);
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext context) {
    TypedValue input = context.resolve(inputVariable);
    Boolean answer = cached(literalTests, expression, LiteralTest::of).test(input == null ? null : input.getValue());
    return answer != null ? answer : super.evaluateSimpleUnaryTests(expression, inputVariable, context);
  }

  @Override
  public <T> T evaluateSimpleExpression(String expression, VariableContext context) {
    String name = expression.trim();
    if (NAME.matcher(name).matches() && !KEYWORDS.contains(name) && context.containsVariable(name)) {
      Object value = context.resolve(name).getValue();
      if (value instanceof String || value instanceof Boolean) {
        @SuppressWarnings("unchecked")
        T plain = (T) value;
        return plain;
      }
    }
    return super.evaluateSimpleExpression(expression, context);
  }

  /** Expressions come from deployed tables, so they are few; a bound still keeps redeployments in check. */
  private static final int MAX_CACHED = 10_000;

  private static <V> V cached(Map<String, V> cache, String expression, Function<String, V> compute) {
    if (cache.size() >= MAX_CACHED) {
      cache.clear();
    }
    return cache.computeIfAbsent(expression, compute);
  }

  @Override
  protected FeelEngine buildFeelEngine(CustomFunctionTransformer functions, CompositeValueMapper valueMapper) {
    return new ParsingOnce(functions, valueMapper);
  }

  /** feel-scala's engine as Camunda builds it (no external functions, system clock), remembering parses. */
  static class ParsingOnce extends FeelEngine {

    private final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
    private final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

    ParsingOnce(CustomFunctionTransformer functions, CompositeValueMapper valueMapper) {
      super(functions, valueMapper, new FeelEngine.Configuration(false), FeelEngine.defaultClock());
    }

    @Override
    public Either<Failure, Object> evalExpression(String expression, Context context) {
      return eval(cached(expressions, expression, this::parseExpression), context);
    }

    @Override
    public Either<Failure, Object> evalUnaryTests(String expression, Context context) {
      return eval(cached(unaryTests, expression, this::parseUnaryTests), context);
    }

    /** A parse failure is remembered too: evaluating the expression fails each time with the same message. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Either<Failure, Object> eval(Either<Failure, ParsedExpression> parsed, Context context) {
      return parsed.isRight() ? eval(parsed.toOption().get(), context) : (Either) parsed;
    }
  }
}
