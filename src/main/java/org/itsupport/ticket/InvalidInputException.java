package org.itsupport.ticket;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;

/** What a user submitted breaks the rules of its form; the message names each field and its problem. */
public class InvalidInputException extends BadUserRequestException {

  private final List<String> problems;

  public InvalidInputException(List<String> problems) {
    super("Please correct: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
