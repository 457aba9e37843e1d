package org.itsupport.audit;

import java.util.Date;

/** A ticket number that was handed out and never became a ticket, and why (TicketNumbers' ledger). */
public record VoidedNumber(String number, Date takenAt, Date voidedAt, String reason) {
}
