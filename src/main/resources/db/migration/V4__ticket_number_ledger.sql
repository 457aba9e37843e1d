-- Every ticket number handed out, and what became of it: 'taken' while the ticket is being opened, 'opened'
-- once the ticket's transaction committed (with its process instance), 'voided' with the reason when it did
-- not (a technical failure, or the application stopped half-way). Numbers are never handed out twice, and a
-- gap in a month's numbers is always explained here.
create table ticket_number (
  ticket_number       varchar(20)   not null primary key,
  period              char(6)       not null,
  serial              integer       not null,
  state               varchar(10)   not null,
  taken_at            timestamp     not null,
  process_instance_id varchar(64),
  voided_at           timestamp,
  void_reason         varchar(2000),
  constraint ticket_number_state check (state in ('taken', 'opened', 'voided')),
  constraint ticket_number_serial unique (period, serial)
);
create index ticket_number_taken on ticket_number (state, taken_at);
