package org.itsupport.review;

import static org.itsupport.model.ServiceReviewProcess.*;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.itsupport.identity.Roles;
import org.itsupport.review.ReviewOutcome.Action;
import org.itsupport.review.ServiceReviews.Review;
import org.itsupport.shared.CompletingUser;
import org.itsupport.shared.EngineClock;
import org.itsupport.shared.JsonVariables;
import org.itsupport.shared.WithoutCallersAuthorizations;
import org.itsupport.sla.BusinessCalendar;
import org.itsupport.ticket.InputRules;
import org.itsupport.ticket.InvalidInputException;
import org.springframework.stereotype.Component;

/** The steps of the monthly service review (processes/monthly-service-review.bpmn). */
@Component("reviewSteps")
public class ReviewSteps {

  private static final int LONGEST_ACTION = 500;

  private final ServiceReviews reviews;
  private final BusinessCalendar calendar;

  public ReviewSteps(ServiceReviews reviews, BusinessCalendar calendar) {
    this.reviews = reviews;
    this.calendar = calendar;
  }

  /**
   * Works out and keeps the month's report and gets the task ready. A month reviewed already (or being reviewed)
   * is refused to whoever asked for it; the timer's review of such a month ends at once.
   */
  public void prepare(DelegateExecution execution) {
    InputRules.onlyFields(execution.getVariableNames(), List.of(REVIEW_MONTH));
    YearMonth month = pastMonth(execution.getVariable(REVIEW_MONTH));
    execution.setProcessBusinessKey(month.toString());
    IdentityService identity = execution.getProcessEngineServices().getIdentityService();
    Optional<String> reviewedAlready = WithoutCallersAuthorizations.read(identity, () -> reviewedAlready(execution,
        month));
    if (reviewedAlready.isPresent()) {
      if (identity.getCurrentAuthentication() != null) {
        throw InvalidInputException.of(REVIEW_MONTH, reviewedAlready.get());
      }
      execution.setVariable(REVIEWED_ALREADY, true);
      return;
    }
    MonthlyReport report = WithoutCallersAuthorizations.read(identity, () -> reviews.reportOf(month));
    execution.setVariable(REVIEWED_ALREADY, false);
    execution.setVariable(REVIEW_SUMMARY, ReviewSummary.of(report));
    execution.setVariable(REVIEW_PAGE, "/camunda/app/cockpit/default/#/service-review?month=" + month);
    execution.setVariable(REVIEW_DUE_AT, Date.from(calendar.plusWorkingTime(EngineClock.now(),
        calendar.workingDayLength().multipliedBy(5))));
    execution.setVariable(ACTION_OWNER_OPTIONS, JsonVariables.list(WithoutCallersAuthorizations.read(identity,
        () -> staff(identity))));
  }

  /** Who completes the review task: recorded as who held the review. */
  public void heldBy(DelegateTask task) {
    task.setVariable(REVIEW_HELD_BY, CompletingUser.of(task));
  }

  /** The task's fields, checked when it completes; a refusal keeps the task open with what was entered. */
  public void checkOutcome(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    List<String> owners = JsonVariables.readList(execution, ACTION_OWNER_OPTIONS, Option.class).stream()
        .map(Option::value).toList();
    InputRules.Builder rules = InputRules.builder().required(REVIEW_FINDINGS).text(REVIEW_FINDINGS)
        .maxLength(REVIEW_FINDINGS, 4000).required(action(1));
    for (int number = 1; number <= ACTIONS; number++) {
      int i = number;
      String action = action(i);
      String owner = actionOwner(i);
      String due = actionDue(i);
      rules.text(action, owner, due).maxLength(action, LONGEST_ACTION)
          .requiredWhen(owner, values -> !blank(values.apply(action)), action + " is given")
          .requiredWhen(due, values -> !blank(values.apply(action)), action + " is given")
          .rule(action, values -> i > 1 && blank(values.apply(action)) && !(blank(values.apply(owner))
              && blank(values.apply(due))) ? Optional.of("is required when an owner or a due date is given")
              : Optional.empty())
          .rule(owner, values -> blank(values.apply(owner)) || owners.contains(values.apply(owner))
              ? Optional.empty() : Optional.of(InputRules.quoted(values.apply(owner)) + " is not one of the staff"))
          .rule(due, values -> dueDateProblem(values.apply(due)));
    }
    rules.build().check(execution::getVariable);
  }

  /** Keeps what the meeting found and agreed beside the month's report, once. */
  public void record(DelegateExecution execution) {
    YearMonth month = YearMonth.parse((String) execution.getVariable(REVIEW_MONTH));
    Map<String, String> names = new LinkedHashMap<>();
    JsonVariables.readList(execution, ACTION_OWNER_OPTIONS, Option.class)
        .forEach(option -> names.put(option.value(), option.label()));
    List<Action> actions = new ArrayList<>();
    for (int i = 1; i <= ACTIONS; i++) {
      if (!blank(execution.getVariable(action(i)))) {
        String owner = (String) execution.getVariable(actionOwner(i));
        actions.add(new Action(((String) execution.getVariable(action(i))).trim(), owner, names.get(owner),
            LocalDate.parse(((String) execution.getVariable(actionDue(i))).trim()).toString()));
      }
    }
    ReviewOutcome outcome = new ReviewOutcome(((String) execution.getVariable(REVIEW_FINDINGS)).trim(), actions);
    if (!reviews.recordHeld(month, outcome, (String) execution.getVariable(REVIEW_HELD_BY))) {
      throw InvalidInputException.of(REVIEW_MONTH, "the review of " + ReviewSummary.monthName(month)
          + " was held meanwhile; its outcome is on the Service review page");
    }
  }

  /** An option of the form's owner lists. */
  record Option(String label, String value) {
  }

  private YearMonth pastMonth(Object value) {
    YearMonth current = YearMonth.from(EngineClock.now().atZone(calendar.zone()));
    if (!(value instanceof String text) || text.isBlank()) {
      throw InvalidInputException.of(REVIEW_MONTH, "is required: the month to review, such as "
          + current.minusMonths(1));
    }
    YearMonth month;
    try {
      month = YearMonth.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw InvalidInputException.of(REVIEW_MONTH, InputRules.quoted(text) + " is not a month such as "
          + current.minusMonths(1));
    }
    if (!month.isBefore(current)) {
      throw InvalidInputException.of(REVIEW_MONTH, month + " has not ended yet: a month is reviewed once it is over");
    }
    return month;
  }

  /** Why the month needs no review now: held already, or another review of it is open. */
  private Optional<String> reviewedAlready(DelegateExecution execution, YearMonth month) {
    Optional<Review> kept = reviews.kept(month);
    if (kept.isPresent() && kept.get().held()) {
      return Optional.of("the review of " + ReviewSummary.monthName(month) + " was held already, by "
          + kept.get().heldBy() + "; its report and actions are on the Service review page in Cockpit");
    }
    boolean open = execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(KEY).variableValueEquals(REVIEW_MONTH, month.toString()).list().stream()
        .anyMatch(other -> !other.getId().equals(execution.getProcessInstanceId()));
    return open ? Optional.of("the review of " + ReviewSummary.monthName(month) + " is open already in Tasklist")
        : Optional.empty();
  }

  private static List<Option> staff(IdentityService identity) {
    Map<String, Option> staff = new LinkedHashMap<>();
    for (String group : Roles.STAFF) { // whose names the task's owner lists offer
      for (User user : identity.createUserQuery().memberOfGroup(group).list()) {
        String name = (user.getFirstName() + " " + user.getLastName()).trim();
        staff.putIfAbsent(user.getId(), new Option(name + " (" + user.getId() + ")", user.getId()));
      }
    }
    return staff.values().stream().sorted(Comparator.comparing(Option::label)).toList();
  }

  private Optional<String> dueDateProblem(Object value) {
    if (blank(value)) {
      return Optional.empty();
    }
    try {
      LocalDate due = LocalDate.parse(((String) value).trim());
      return due.isBefore(LocalDate.ofInstant(EngineClock.now(), calendar.zone()))
          ? Optional.of(value + " lies in the past") : Optional.empty();
    } catch (DateTimeParseException | ClassCastException e) {
      return Optional.of(InputRules.quoted(value) + " is not a date such as 2026-12-31");
    }
  }

  private static boolean blank(Object value) {
    return value == null || value instanceof String text && text.isBlank();
  }

}
