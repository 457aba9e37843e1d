-- The knowledge base: articles that first line finds while diagnosing a ticket. An article has numbered
-- versions; a version is written, reviewed by someone other than its author, and published, or sent back. One
-- version of an article is the published one at a time; a revision supersedes it once it is published itself.
-- Versions are never deleted or changed once reviewed: a ticket solved with an article names the version.
-- the articles' numbers, KB-00001 on: a counter row rather than a sequence, which the application's login could
-- not use (it is granted rights on tables only)
create table kb_article_counter (
  last_number integer not null
);
insert into kb_article_counter values (0);

create table kb_article (
  id                varchar(12)   not null primary key,
  published_version integer,
  solved_tickets    integer       not null default 0,
  created_at        timestamp     not null,
  retired_at        timestamp,
  retired_by        varchar(64)
);

create table kb_article_version (
  article_id      varchar(12)   not null references kb_article (id),
  version         integer       not null,
  state           varchar(12)   not null,
  title           varchar(200)  not null,
  service_type    varchar(40),
  affected_system varchar(200),
  symptoms        text          not null,
  steps           text          not null,
  root_cause      text,
  keywords        varchar(500),
  source_ticket   varchar(20),
  author          varchar(64)   not null,
  written_at      timestamp     not null,
  reviewed_by     varchar(64),
  reviewed_at     timestamp,
  review_notes    text,
  -- what the search matches: the title weighs most, then the symptoms and keywords, then the steps
  search          tsvector generated always as (
                    setweight(to_tsvector('english', title), 'A')
                    || setweight(to_tsvector('english', symptoms || ' ' || coalesce(keywords, '')
                         || ' ' || coalesce(affected_system, '')), 'B')
                    || setweight(to_tsvector('english', steps || ' ' || coalesce(root_cause, '')), 'C')) stored,
  primary key (article_id, version),
  constraint kb_article_version_state
    check (state in ('in-review', 'sent-back', 'published', 'superseded', 'withdrawn'))
);
create index kb_article_version_search on kb_article_version using gin (search);
create index kb_article_version_published on kb_article_version (article_id) where state = 'published';

-- Which article, in which version, solved which ticket: counted on the article, shown in the monthly review.
create table kb_article_use (
  ticket_number varchar(20)  not null primary key,
  article_id    varchar(12)  not null references kb_article (id),
  version       integer      not null,
  used_by       varchar(64),
  used_at       timestamp    not null
);
create index kb_article_use_article on kb_article_use (article_id, used_at);
