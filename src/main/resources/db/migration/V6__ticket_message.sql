-- A ticket's conversation with its requester and the agents: every notice the process sent (out) and, later,
-- every reply received (in). A notice is written in the transaction of the step that caused it, so a step that
-- rolls back leaves none; the engine's job "ticket-notice" then delivers it once that transaction committed and
-- records what became of it here. Rows are never deleted: they are kept as long as the ticket's history.
create table ticket_message (
  id                  varchar(36)    not null primary key,
  ticket_number       varchar(20)    not null,
  process_instance_id varchar(64),
  direction           varchar(3)     not null,
  kind                varchar(40)    not null,
  recipients          varchar(200),
  addresses           varchar(2000),
  subject             varchar(300)   not null,
  body                text           not null,
  created_at          timestamp      not null,
  delivery            varchar(12)    not null,
  delivered_at        timestamp,
  attempts            integer        not null default 0,
  last_error          varchar(2000),
  constraint ticket_message_direction check (direction in ('out', 'in')),
  constraint ticket_message_delivery check (delivery in ('pending', 'sent', 'logged', 'no-address', 'failed', 'received'))
);
create index ticket_message_ticket on ticket_message (ticket_number, created_at);
