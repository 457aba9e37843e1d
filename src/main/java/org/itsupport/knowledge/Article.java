package org.itsupport.knowledge;

/** One version of a knowledge-base article, and how often the article solved a ticket. */
public record Article(String id, int version, String state, String title, String serviceType, String affectedSystem,
    String symptoms, String steps, String rootCause, String keywords, String sourceTicket, String author,
    String reviewedBy, int solvedTickets, boolean retired) {

  /** What an author writes: an article's content, for its first version or a revision. */
  public record Draft(String title, String serviceType, String affectedSystem, String symptoms, String steps,
      String rootCause, String keywords, String sourceTicket) {
  }
}
