package org.itsupport.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;

/**
 * The sequence flows one process instance took. History keeps activity instances, not flows, and steps that
 * follow each other in one transaction share a timestamp, so order alone cannot tell which instance led to
 * which. Every activity instance entered by a flow came from exactly one earlier instance, in the same scope,
 * that completed by then; every completed instance left by one flow (a parallel gateway by each of its flows).
 * Pairing them all under those rules (a maximum bipartite matching, latest source preferred) names the flows.
 */
final class TakenFlows {

  private record Slot(HistoricActivityInstance source, SequenceFlow flow) {
  }

  private final List<HistoricActivityInstance> instances;
  private final BpmnModelInstance model;
  /** Slot key (source instance, and the flow for a parallel gateway) to the target instance it is paired with. */
  private final Map<String, HistoricActivityInstance> pairedTarget = new HashMap<>();
  private final Map<String, Slot> pairedSlot = new HashMap<>();

  private TakenFlows(BpmnModelInstance model, List<HistoricActivityInstance> instances) {
    this.model = model;
    this.instances = instances;
  }

  /** The instance's activity instances in start order, and the diagram they ran on. */
  static List<String> of(BpmnModelInstance model, List<HistoricActivityInstance> instances) {
    TakenFlows flows = new TakenFlows(model, instances);
    for (HistoricActivityInstance target : instances) {
      flows.pair(target, new HashSet<>());
    }
    Set<String> taken = new LinkedHashSet<>();
    instances.stream().map(target -> flows.pairedSlot.get(target.getId())).filter(Objects::nonNull)
        .forEach(slot -> taken.add(slot.flow().getId()));
    return List.copyOf(taken);
  }

  /** Kuhn's augmenting path: pair the target with a free slot, or move the slot's current target elsewhere. */
  private boolean pair(HistoricActivityInstance target, Set<String> tried) {
    for (Slot slot : candidates(target)) {
      String key = key(slot);
      if (!tried.add(key)) {
        continue;
      }
      HistoricActivityInstance current = pairedTarget.get(key);
      if (current == null || pair(current, tried)) {
        pairedTarget.put(key, target);
        pairedSlot.put(target.getId(), slot);
        return true;
      }
    }
    return false;
  }

  /** Completed instances with a flow to the target, latest first. */
  private List<Slot> candidates(HistoricActivityInstance target) {
    List<Slot> candidates = new ArrayList<>();
    if (!(model.getModelElementById(target.getActivityId()) instanceof FlowNode node)) {
      return candidates;
    }
    for (int i = instances.size() - 1; i >= 0; i--) {
      HistoricActivityInstance source = instances.get(i);
      if (source == target || source.isCanceled() || source.getEndTime() == null
          || source.getEndTime().after(target.getStartTime())
          || !Objects.equals(source.getParentActivityInstanceId(), target.getParentActivityInstanceId())) {
        continue;
      }
      node.getIncoming().stream().filter(flow -> flow.getSource().getId().equals(source.getActivityId()))
          .forEach(flow -> candidates.add(new Slot(source, flow)));
    }
    return candidates;
  }

  private static String key(Slot slot) {
    return slot.source().getId() + (slot.flow().getSource() instanceof ParallelGateway ? "/" + slot.flow().getId() : "");
  }
}
