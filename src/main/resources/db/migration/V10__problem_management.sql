-- Recurring problems. Every ticket is noted once at intake with what it may recur on; the thresholds are the
-- process owner's decision table "problem-thresholds". A problem is the investigation of one cluster of tickets:
-- at most one is open per cluster, which the partial unique index keeps true also when two nodes find the same
-- cluster at the same moment.
create table ticket_recurrence (
  ticket_number   varchar(20)   not null primary key,
  opened_at       timestamp     not null,
  service_type    varchar(40),
  affected_system varchar(200),
  department      varchar(120)
);
create index ticket_recurrence_system on ticket_recurrence (affected_system, opened_at);
create index ticket_recurrence_department on ticket_recurrence (service_type, department, opened_at);

create table problem_counter (
  last_number integer not null
);
insert into problem_counter values (0);

create table problem (
  id                  varchar(12)   not null primary key,
  cluster_by          varchar(40)   not null,
  cluster_key         varchar(400)  not null,
  service_type        varchar(40),
  investigating_group varchar(64),
  opened_at           timestamp     not null,
  root_cause          text,
  workaround          text,
  closed_at           timestamp,
  closed_by           varchar(64),
  closure_notes       text
);
create unique index problem_open_cluster on problem (cluster_by, cluster_key) where closed_at is null;

create table problem_ticket (
  problem_id    varchar(12)  not null references problem (id),
  ticket_number varchar(20)  not null,
  linked_at     timestamp    not null,
  primary key (problem_id, ticket_number)
);
create index problem_ticket_ticket on problem_ticket (ticket_number);
