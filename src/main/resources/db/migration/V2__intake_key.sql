-- Requests that must not open a ticket twice: a caller's Idempotency-Key, or a monitoring alert's key.
create table intake_key (
  key_value           varchar(300) not null primary key,
  ticket_number       varchar(20),
  process_instance_id varchar(64),
  created_at          timestamp not null
);
