-- Every mail the support mailbox received, and what became of it: a ticket opened, a reply added to a ticket's
-- conversation (and perhaps the answer to its question), ignored (auto-replies, bounces, our own notices, with
-- the reason), or failed (with the reason; the mail stays in the mailbox, flagged). The Message-ID makes sure a
-- mail is handled once, also when two nodes poll the mailbox or a node dies half-way.
create table mail_intake (
  message_id    varchar(1000)  not null primary key,
  received_at   timestamp      not null,
  sender        varchar(320),
  subject       varchar(1000),
  outcome       varchar(10)    not null,
  ticket_number varchar(20),
  reason        varchar(2000),
  constraint mail_intake_outcome check (outcome in ('opened', 'added', 'answered', 'ignored', 'failed'))
);
create index mail_intake_received on mail_intake (received_at);
