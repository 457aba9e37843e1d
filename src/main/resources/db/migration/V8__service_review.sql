-- One report per month of the monthly service review, as it was computed for the meeting, and the actions the
-- service managers agreed. A report cannot be altered or removed afterwards: the trigger below refuses it, also
-- to the application's own login (it may not drop a trigger it does not own). Kept as long as the database.
create table service_review (
  month        char(7)        not null primary key,
  computed_at  timestamp      not null,
  report       text           not null,
  actions      text,
  held_at      timestamp,
  held_by      varchar(64)
);

-- The report and when it was computed never change; the meeting's outcome (actions, held) is recorded once.
create function service_review_unchanged() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'A service review is kept: the report of % cannot be deleted', old.month;
  end if;
  if new.month <> old.month or new.computed_at <> old.computed_at or new.report <> old.report then
    raise exception 'A service review is kept as it was computed: the report of % cannot be changed', old.month;
  end if;
  if old.held_at is not null then
    raise exception 'The service review of % was held already; its actions cannot be changed', old.month;
  end if;
  return new;
end;
$$;

create trigger service_review_unchanged before update or delete on service_review
  for each row execute function service_review_unchanged();
