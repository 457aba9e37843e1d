package org.itsupport.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The search result as a CSV file for a spreadsheet: UTF-8 with a byte-order mark (so Excel reads accents),
 * one ticket per row. A cell that a spreadsheet would run as a formula (=, +, -, @) starts with a quote.
 */
public final class TicketsCsv {

  static final String[] HEADER = {"number", "title", "requesterId", "requesterName", "serviceType", "priority",
      "status", "submittedAt", "closedAt", "responseSla", "resolutionSla"};

  private TicketsCsv() {
  }

  public static void write(TicketSearch search, TicketSearch.Criteria criteria, OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    writer.write('\uFEFF');
    CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(HEADER).get().print(writer);
    try {
      search.each(criteria, ticket -> row(csv, ticket));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    csv.flush();
  }

  private static void row(CSVPrinter csv, TicketRow ticket) {
    try {
      csv.printRecord(ticket.number(), cell(ticket.title()), cell(ticket.requesterId()),
          cell(ticket.requesterName()), ticket.serviceType(), ticket.priority(), ticket.status(), ticket.submittedAt(),
          ticket.closedAt(), ticket.responseSla(), ticket.resolutionSla());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Text a requester typed: never a formula when the file is opened in a spreadsheet. */
  public static String cell(String text) {
    if (text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }
}
