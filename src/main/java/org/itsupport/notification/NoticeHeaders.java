package org.itsupport.notification;

/** The headers our notices carry, by which the mail intake knows them when they come back (mail loops). */
public final class NoticeHeaders {

  /** The ticket a notice is about. */
  public static final String TICKET = "X-Itsupport-Ticket";

  private NoticeHeaders() {
  }
}
