package org.itsupport.review;

import static org.itsupport.model.TicketVariables.*;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.itsupport.model.ProblemProcess;
import org.itsupport.model.TicketProcess;
import org.itsupport.review.MonthlyReport.Counts;
import org.itsupport.review.MonthlyReport.Recurring;
import org.itsupport.review.MonthlyReport.Resolution;
import org.itsupport.review.MonthlyReport.Satisfaction;
import org.itsupport.review.MonthlyReport.SlaCompliance;
import org.itsupport.review.MonthlyReport.Times;
import org.itsupport.shared.JsonVariables;
import org.itsupport.sla.SlaEscalation;

/**
 * Works out a month's {@link MonthlyReport} from the engine's history: the tickets submitted in the month, those
 * closed in it (cancelled ones are not closed), their variables as they closed, and how long their steps took.
 */
public final class MonthlyReportCalculator {

  /** The work manual's resolution-rate targets per service type, in percent. */
  static final Map<String, Double> RESOLUTION_TARGETS = Map.of("hardware", 95.0, "software", 98.0, "network", 96.0);
  /** The satisfaction target: a mean of at least 4.5 of 5 in every dimension. */
  static final double SATISFACTION_TARGET = 4.5;
  static final Map<String, String> DIMENSIONS = linked(SCORE_RESPONSE_SPEED, "response speed", SCORE_EFFICIENCY,
      "efficiency", SCORE_ATTITUDE, "attitude", SCORE_EXPERTISE, "expertise");
  /** The stages whose median time shows bottlenecks, by the user task that is the wait. */
  static final Map<String, String> STAGES = linked(TicketProcess.DIAGNOSE_AT_FIRST_LINE, "waiting at first line",
      TicketProcess.REVIEW_AND_DIAGNOSE, "with the specialists", TicketProcess.APPROVE_CHANGE, "waiting for approval",
      TicketProcess.ANSWER_QUESTION, "waiting for the requester", TicketProcess.EXECUTE_CHANGE, "in execution",
      TicketProcess.VERIFY_RESOLUTION, "waiting for verification");
  private static final List<String> READ = List.of(SERVICE_TYPE, CHANNEL, PRIORITY, REQUESTER_ID, REQUESTER_NAME,
      AFFECTED_SYSTEM, FIRST_LINE_OUTCOME, REOPEN_COUNT, CLOSED_AT, CLOSURE_REASON, RESPONSE_SLA_MET,
      RESOLUTION_SLA_MET, BUSINESS_MINUTES_TO_FIRST_RESPONSE, BUSINESS_MINUTES_TO_RESOLUTION, SCORE_RESPONSE_SPEED,
      SCORE_EFFICIENCY, SCORE_ATTITUDE, SCORE_EXPERTISE, FOLLOW_UP_REQUIRED, FOLLOW_UP_NOTES, SLA_ESCALATIONS,
      SOLVED_WITH_ARTICLE);
  /** The articles listed as those that solved most tickets. */
  private static final int TOP_ARTICLES = 5;
  private static final int CHUNK = 500;
  private static final int PAGE = 5_000;

  private final HistoryService history;
  private final ZoneId zone;

  public MonthlyReportCalculator(HistoryService history, ZoneId zone) {
    this.history = history;
    this.zone = zone;
  }

  /** A ticket as the report sees it: its process instance and its variables as they ended. */
  private record Ticket(HistoricProcessInstance instance, Map<String, Object> values) {

    String text(String name) {
      return values.get(name) instanceof String text ? text : null;
    }

    boolean is(String name, Object value) {
      return Objects.equals(values.get(name), value);
    }

    Number number(String name) {
      return values.get(name) instanceof Number number ? number : null;
    }
  }

  public MonthlyReport calculate(YearMonth month) {
    Date from = Date.from(month.atDay(1).atStartOfDay(zone).toInstant());
    Date to = Date.from(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant().minusMillis(1));
    List<Ticket> opened = tickets(history.createHistoricProcessInstanceQuery().processDefinitionKey(TicketProcess.KEY)
        .startedAfter(from).startedBefore(to).list());
    List<Ticket> closed = tickets(history.createHistoricProcessInstanceQuery().processDefinitionKey(TicketProcess.KEY)
        .finishedAfter(from).finishedBefore(to).list()).stream().filter(ticket -> ticket.values().get(CLOSED_AT) != null)
        .toList();

    List<Ticket> solvedAtFirstLine = closed.stream().filter(MonthlyReportCalculator::solvedAtFirstLine).toList();
    return new MonthlyReport(month.toString(), counts(opened), counts(closed),
        percent(opened, ticket -> ticket.is(PRIORITY, "P1") || ticket.is(PRIORITY, "P2")),
        percent(solvedAtFirstLine.size(), closed.size()),
        percent(closed, ticket -> ticket.number(REOPEN_COUNT) != null && ticket.number(REOPEN_COUNT).intValue() > 0),
        byPriority(closed, this::sla), byPriority(closed, this::times), resolution(closed), satisfaction(closed),
        escalations(closed), recurring(opened, AFFECTED_SYSTEM), recurring(opened, REQUESTER_NAME),
        stages(closed, to), knowledge(solvedAtFirstLine, from, to));
  }

  private static boolean solvedAtFirstLine(Ticket ticket) {
    return ticket.is(FIRST_LINE_OUTCOME, "solved") && ticket.is(REOPEN_COUNT, 0);
  }

  private MonthlyReport.Knowledge knowledge(List<Ticket> solvedAtFirstLine, Date from, Date to) {
    List<Ticket> withArticle = solvedAtFirstLine.stream().filter(ticket -> ticket.text(SOLVED_WITH_ARTICLE) != null)
        .toList();
    List<Recurring> top = withArticle.stream().collect(Collectors.groupingBy(ticket -> ticket.text(SOLVED_WITH_ARTICLE),
        Collectors.counting())).entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(TOP_ARTICLES).map(entry -> new Recurring(entry.getKey(), entry.getValue())).toList();
    long problemsOpened = history.createHistoricProcessInstanceQuery().processDefinitionKey(ProblemProcess.KEY)
        .startedAfter(from).startedBefore(to).count();
    long stillOpen = history.createHistoricProcessInstanceQuery().processDefinitionKey(ProblemProcess.KEY)
        .startedBefore(to).unfinished().count() + history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProblemProcess.KEY).startedBefore(to).finishedAfter(to).count();
    return new MonthlyReport.Knowledge(solvedAtFirstLine.size(), withArticle.size(),
        percent(withArticle.size(), solvedAtFirstLine.size()), top, problemsOpened, stillOpen);
  }

  private List<Ticket> tickets(List<HistoricProcessInstance> instances) {
    Map<String, Map<String, Object>> values = new HashMap<>();
    for (int i = 0; i < instances.size(); i += CHUNK) {
      String[] ids = instances.subList(i, Math.min(instances.size(), i + CHUNK)).stream()
          .map(HistoricProcessInstance::getId).toArray(String[]::new);
      for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery().processInstanceIdIn(ids)
          .variableNameIn(READ.toArray(String[]::new)).disableCustomObjectDeserialization().list()) {
        if (variable.getActivityInstanceId() != null && !variable.getActivityInstanceId()
            .equals(variable.getProcessInstanceId())) {
          continue; // a local copy in a sub-process or task: the ticket's own value is the one that counts
        }
        Object value = SLA_ESCALATIONS.equals(variable.getName()) ? variable.getTypedValue() : variable.getValue();
        if (value != null) {
          values.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>()).put(variable.getName(), value);
        }
      }
    }
    return instances.stream().map(instance -> new Ticket(instance, values.getOrDefault(instance.getId(), Map.of())))
        .toList();
  }

  private static Counts counts(List<Ticket> tickets) {
    return new Counts(tickets.size(), countBy(tickets, SERVICE_TYPE), countBy(tickets, CHANNEL),
        countBy(tickets, PRIORITY));
  }

  private static Map<String, Long> countBy(List<Ticket> tickets, String variable) {
    return tickets.stream().collect(Collectors.groupingBy(ticket -> Objects.requireNonNullElse(ticket.text(variable),
        "none"), TreeMap::new, Collectors.counting()));
  }

  private static <T> Map<String, T> byPriority(List<Ticket> tickets, Function<List<Ticket>, T> figure) {
    Map<String, List<Ticket>> groups = tickets.stream().collect(Collectors.groupingBy(
        ticket -> Objects.requireNonNullElse(ticket.text(PRIORITY), "none"), TreeMap::new, Collectors.toList()));
    Map<String, T> figures = new LinkedHashMap<>();
    groups.forEach((priority, group) -> figures.put(priority, figure.apply(group)));
    return figures;
  }

  private SlaCompliance sla(List<Ticket> tickets) {
    long response = tickets.stream().filter(ticket -> ticket.is(RESPONSE_SLA_MET, true)).count();
    long resolution = tickets.stream().filter(ticket -> ticket.is(RESOLUTION_SLA_MET, true)).count();
    return new SlaCompliance(tickets.size(), response, resolution, percent(response, tickets.size()),
        percent(resolution, tickets.size()));
  }

  private Times times(List<Ticket> tickets) {
    List<Double> response = numbers(tickets, BUSINESS_MINUTES_TO_FIRST_RESPONSE);
    List<Double> resolution = numbers(tickets, BUSINESS_MINUTES_TO_RESOLUTION);
    return new Times(mean(response), median(response), mean(resolution), median(resolution));
  }

  private static Map<String, Resolution> resolution(List<Ticket> closed) {
    Map<String, Resolution> figures = new LinkedHashMap<>();
    closed.stream().collect(Collectors.groupingBy(ticket -> Objects.requireNonNullElse(ticket.text(SERVICE_TYPE),
        "none"), TreeMap::new, Collectors.toList())).forEach((type, tickets) -> {
          long confirmed = tickets.stream().filter(ticket -> ticket.is(CLOSURE_REASON, "confirmed")).count();
          Double percent = percent(confirmed, tickets.size());
          Double target = RESOLUTION_TARGETS.get(type);
          figures.put(type, new Resolution(tickets.size(), confirmed, percent, target,
              target == null ? null : percent >= target));
        });
    return figures;
  }

  private static Satisfaction satisfaction(List<Ticket> closed) {
    List<Ticket> rated = closed.stream().filter(ticket -> ticket.number(SCORE_RESPONSE_SPEED) != null).toList();
    Map<String, Double> means = new LinkedHashMap<>();
    Map<String, Boolean> meets = new LinkedHashMap<>();
    DIMENSIONS.forEach((variable, dimension) -> {
      Double mean = mean(numbers(rated, variable));
      means.put(dimension, mean);
      meets.put(dimension, mean == null ? null : mean >= SATISFACTION_TARGET);
    });
    List<Ticket> low = rated.stream().filter(ticket -> ticket.is(FOLLOW_UP_REQUIRED, true)).toList();
    return new Satisfaction(rated.size(), means, SATISFACTION_TARGET, meets, low.size(),
        low.stream().filter(ticket -> ticket.text(FOLLOW_UP_NOTES) != null).count());
  }

  private static Map<Integer, Long> escalations(List<Ticket> closed) {
    Map<Integer, Long> byLevel = new TreeMap<>();
    for (Ticket ticket : closed) {
      if (ticket.values().get(SLA_ESCALATIONS) instanceof TypedValue json) {
        for (SlaEscalation escalation : JsonVariables.readList(json, SLA_ESCALATIONS, SlaEscalation.class)) {
          byLevel.merge(escalation.level(), 1L, Long::sum);
        }
      }
    }
    return byLevel;
  }

  private static List<Recurring> recurring(List<Ticket> opened, String variable) {
    return opened.stream().map(ticket -> ticket.text(variable)).filter(Objects::nonNull)
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())).entrySet().stream()
        .filter(entry -> entry.getValue() > 1)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(entry -> new Recurring(entry.getKey(), entry.getValue())).toList();
  }

  /**
   * Per stage, the median over the closed tickets that had it of the clock minutes they spent in it. The stages'
   * tasks are read in pages, those of the ticket and of its questions alike (their root is the ticket), from the
   * first closed ticket's start to the month's end: a few queries, not some per ticket.
   */
  private Map<String, Double> stages(List<Ticket> closed, Date to) {
    Map<String, Map<String, Long>> spent = new HashMap<>();
    closed.forEach(ticket -> spent.put(ticket.instance().getId(), new HashMap<>()));
    Date from = closed.stream().map(ticket -> ticket.instance().getStartTime()).min(Date::compareTo).orElse(to);
    HistoricTaskInstanceQuery tasks = history.createHistoricTaskInstanceQuery()
        .taskDefinitionKeyIn(STAGES.keySet().toArray(String[]::new)).finished().finishedAfter(from)
        .finishedBefore(to).orderByHistoricTaskInstanceEndTime().asc().orderByTaskId().asc();
    for (int first = 0; ; first += PAGE) {
      List<HistoricTaskInstance> page = tasks.listPage(first, PAGE);
      for (HistoricTaskInstance task : page) {
        Map<String, Long> ticket = spent.get(task.getRootProcessInstanceId());
        if (ticket != null && task.getDurationInMillis() != null) {
          ticket.merge(task.getTaskDefinitionKey(), task.getDurationInMillis(), Long::sum);
        }
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    Map<String, List<Double>> minutes = new LinkedHashMap<>();
    STAGES.values().forEach(stage -> minutes.put(stage, new ArrayList<>()));
    spent.values().forEach(ticket -> ticket.forEach((step, millis) -> minutes.get(STAGES.get(step))
        .add(millis / 60_000.0)));
    Map<String, Double> medians = new LinkedHashMap<>();
    minutes.forEach((stage, values) -> medians.put(stage, median(values)));
    return medians;
  }

  private static List<Double> numbers(Collection<Ticket> tickets, String variable) {
    return tickets.stream().map(ticket -> ticket.number(variable)).filter(Objects::nonNull)
        .map(Number::doubleValue).toList();
  }

  static Double mean(List<Double> values) {
    return values.isEmpty() ? null : round(values.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
  }

  static Double median(List<Double> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return round(sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2);
  }

  private static Double percent(List<Ticket> tickets, Predicate<Ticket> counted) {
    return percent(tickets.stream().filter(counted).count(), tickets.size());
  }

  static Double percent(long part, long whole) {
    return whole == 0 ? null : round(100.0 * part / whole);
  }

  private static Double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  private static Map<String, String> linked(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
