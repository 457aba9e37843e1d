package org.itsupport.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The notices in table {@code ticket_message}, read and written in the engine's transaction (the engine and
 * this template share Spring's transaction on one data source): a notice written by a step that rolls back is
 * gone with it.
 */
@Component
public class NoticeOutbox {

  private static final int MAX_ERROR = 2000;

  private final JdbcTemplate database;

  public NoticeOutbox(DataSource dataSource) {
    this.database = new JdbcTemplate(dataSource);
  }

  void add(Notice notice, String processInstanceId) {
    database.update("insert into ticket_message (id, ticket_number, process_instance_id, direction, kind, recipients,"
            + " addresses, subject, body, created_at, delivery) values (?, ?, ?, 'out', ?, ?, ?, ?, ?, ?, ?)",
        notice.id(), notice.ticketNumber(), processInstanceId, notice.kind(), notice.recipients(),
        String.join(",", notice.addresses()), notice.subject(), notice.body(), Timestamp.from(notice.createdAt()),
        notice.delivery());
  }

  /** A mail the requester (or anyone) sent about the ticket, in its conversation. */
  public void received(String ticketNumber, String processInstanceId, String from, String subject, String text,
      Instant at) {
    database.update("insert into ticket_message (id, ticket_number, process_instance_id, direction, kind, recipients,"
            + " addresses, subject, body, created_at, delivery) values (?, ?, ?, 'in', 'reply', null, ?, ?, ?, ?,"
            + " 'received')",
        UUID.randomUUID().toString(), ticketNumber, processInstanceId, from, subject, text, Timestamp.from(at));
  }

  /** The ticket's messages both ways, oldest first. */
  public List<Notice> conversation(String ticketNumber) {
    return database.query("select * from ticket_message where ticket_number = ? order by created_at, id",
        NoticeOutbox::notice, ticketNumber);
  }

  Optional<Notice> find(String id) {
    return database.query("select * from ticket_message where id = ?", NoticeOutbox::notice, id).stream().findFirst();
  }

  /** The ticket's notices, oldest first. */
  public List<Notice> ofTicket(String ticketNumber) {
    return database.query("select * from ticket_message where ticket_number = ? and direction = 'out'"
        + " order by created_at, id", NoticeOutbox::notice, ticketNumber);
  }

  void delivered(String id, String delivery, Instant at) {
    database.update("update ticket_message set delivery = ?, delivered_at = ?, attempts = attempts + 1,"
        + " last_error = null where id = ?", delivery, Timestamp.from(at), id);
  }

  void attemptFailed(String id, String error, boolean givenUp) {
    database.update("update ticket_message set attempts = attempts + 1, last_error = ?, delivery = ? where id = ?",
        error == null ? null : error.substring(0, Math.min(error.length(), MAX_ERROR)),
        givenUp ? Notice.FAILED : Notice.PENDING, id);
  }

  private static Notice notice(ResultSet row, int rowNumber) throws SQLException {
    String addresses = row.getString("addresses");
    Timestamp deliveredAt = row.getTimestamp("delivered_at");
    return new Notice(row.getString("id"), row.getString("ticket_number"), row.getString("kind"),
        row.getString("recipients"),
        addresses == null || addresses.isEmpty() ? List.of() : Arrays.asList(addresses.split(",")),
        row.getString("subject"), row.getString("body"), row.getTimestamp("created_at").toInstant(),
        row.getString("delivery"), deliveredAt == null ? null : deliveredAt.toInstant(), row.getInt("attempts"),
        row.getString("last_error"));
  }
}
