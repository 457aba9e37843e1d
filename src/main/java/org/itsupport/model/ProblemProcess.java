package org.itsupport.model;

/** Ids and variables of processes/problem-investigation.bpmn that code, forms and tests refer to. */
public final class ProblemProcess {

  private ProblemProcess() {
  }

  public static final String KEY = "problem-investigation";
  public static final String INVESTIGATE = "Task_InvestigateProblem";
  public static final String CLOSE = "Task_CloseProblem";

  /** The problem (PRB-00001), the cluster it investigates, the group the routing table names, its tickets. */
  public static final String PROBLEM_ID = "problemId";
  public static final String CLUSTER = "problemCluster";
  public static final String GROUP = "problemGroup";
  public static final String TICKETS = "problemTickets";
  /** What the investigation records. */
  public static final String ROOT_CAUSE = "problemRootCause";
  public static final String WORKAROUND = "problemWorkaround";
  public static final String PROPOSE_KNOWN_ERROR = "problemProposeKnownError";
  public static final String INVESTIGATOR = "problemInvestigator";
  /** The knowledge-article process the known-error article was proposed in. */
  public static final String KNOWN_ERROR_PROPOSAL = "problemKnownErrorProposal";
  public static final String CLOSURE_NOTES = "problemClosureNotes";
  public static final String CLOSED_BY = "problemClosedBy";
}
