package org.itsupport.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Keys of requests that opened a ticket. The primary key makes a concurrent twin wait for the first
 * request's transaction and then fail, after which it finds the ticket the first one opened.
 */
@Repository
class IntakeKeys {

  record Entry(String key, String ticketNumber, String processInstanceId) {
  }

  private final JdbcTemplate jdbc;

  IntakeKeys(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Entry> find(String key) {
    return jdbc.query("select key_value, ticket_number, process_instance_id from intake_key where key_value = ?",
        (row, i) -> new Entry(row.getString(1), row.getString(2), row.getString(3)), key).stream().findFirst();
  }

  /** Claims the key for a ticket about to be opened; a DuplicateKeyException means another request has it. */
  void reserve(String key, Instant now) {
    jdbc.update("insert into intake_key (key_value, created_at) values (?, ?)", key, Timestamp.from(now));
  }

  void complete(String key, String ticketNumber, String processInstanceId) {
    jdbc.update("update intake_key set ticket_number = ?, process_instance_id = ? where key_value = ?",
        ticketNumber, processInstanceId, key);
  }

  void release(String key) {
    jdbc.update("delete from intake_key where key_value = ?", key);
  }
}
