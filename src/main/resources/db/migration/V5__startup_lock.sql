-- One row that a starting node locks (select ... for update) from before its engine is built until its set-up
-- (administrator, groups, authorizations, filters, demo users) is done: nodes sharing a database start one
-- after the other, so two of them never create the same user or filter twice.
create table application_lock (
  name varchar(40) not null primary key
);
insert into application_lock (name) values ('startup');
