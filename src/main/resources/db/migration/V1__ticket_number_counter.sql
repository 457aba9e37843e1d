-- One row per month: the last serial handed out for ticket numbers YYYYMM-NNN.
create table ticket_number_counter (
  period      char(6) not null primary key,
  last_serial integer not null
);
