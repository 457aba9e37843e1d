package org.itsupport.decisions;

import camundajar.impl.scala.util.Either;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
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
 */
public class ParsedOnceFeelEngine extends ScalaFeelEngine {

  public ParsedOnceFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
    super(functionProviders);
  }

  @Override
  protected FeelEngine buildFeelEngine(CustomFunctionTransformer functions, CompositeValueMapper valueMapper) {
    return new ParsingOnce(functions, valueMapper);
  }

  /** feel-scala's engine as Camunda builds it (no external functions, system clock), remembering parses. */
  static class ParsingOnce extends FeelEngine {

    /** Expressions come from deployed tables, so they are few; a bound still keeps redeployments in check. */
    static final int MAX_CACHED = 10_000;

    private final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
    private final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

    ParsingOnce(CustomFunctionTransformer functions, CompositeValueMapper valueMapper) {
      super(functions, valueMapper, new FeelEngine.Configuration(false), FeelEngine.defaultClock());
    }

    @Override
    public Either<Failure, Object> evalExpression(String expression, Context context) {
      return eval(parsed(expressions, expression, this::parseExpression), context);
    }

    @Override
    public Either<Failure, Object> evalUnaryTests(String expression, Context context) {
      return eval(parsed(unaryTests, expression, this::parseUnaryTests), context);
    }

    /** A parse failure is remembered too: evaluating the expression fails each time with the same message. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Either<Failure, Object> eval(Either<Failure, ParsedExpression> parsed, Context context) {
      return parsed.isRight() ? eval(parsed.toOption().get(), context) : (Either) parsed;
    }

    private static Either<Failure, ParsedExpression> parsed(Map<String, Either<Failure, ParsedExpression>> cache,
        String expression, Function<String, Either<Failure, ParsedExpression>> parser) {
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
      return cache.computeIfAbsent(expression, parser);
    }
  }
}
