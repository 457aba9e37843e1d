package org.itsupport.ticket;

import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * What a user submitted breaks the rules of its form; the message names each field and its problem.
 * A form validation exception, so that Tasklist and the REST API answer 400 and the task stays open.
 */
public class InvalidInputException extends FormFieldValidationException {

  private final List<InputRules.Problem> problems;

  public InvalidInputException(List<InputRules.Problem> problems) {
    super(List.copyOf(problems), "Please correct: "
        + String.join("; ", problems.stream().map(InputRules.Problem::toString).toList()));
    this.problems = List.copyOf(problems);
  }

  /** One field and what is wrong with it. */
  public static InvalidInputException of(String field, String message) {
    return new InvalidInputException(List.of(new InputRules.Problem(field, message)));
  }

  /** Each problem as "field: what is wrong". */
  public List<String> problems() {
    return problems.stream().map(InputRules.Problem::toString).toList();
  }

  public List<InputRules.Problem> fieldProblems() {
    return problems;
  }
}
