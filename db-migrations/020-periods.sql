--liquibase formatted sql

--changeset uppfoljning:020-periods
-- A period's deadline and, once decided, its decision: body, date, paragraph (§), diary number, who and when.
alter table reporting_period
    add column deadline           date,
    add column decision_body      text,
    add column decision_date      date,
    add column decision_paragraph text,
    add column diary_number       text,
    add column decided_at         timestamp with time zone,
    add column decided_by         text;

-- Every transition of a period (created, review, decided, reopened): who, when, why; append-only.
create table period_event (
    id                 bigint generated always as identity primary key,
    period_id          bigint not null references reporting_period (id),
    from_state         text,
    to_state           text   not null check (to_state in ('OPEN', 'REVIEW', 'DECIDED')),
    reason             text,
    decision_body      text,
    decision_date      date,
    decision_paragraph text,
    diary_number       text,
    changed_by         text   not null,
    changed_at         timestamp with time zone not null
);
create index period_event_period on period_event (period_id, id);

-- Bilaga 1 and 2 as they were decided: the bytes and their SHA-256. The newest row per kind and format is the
-- decided appendix; rows of earlier decisions (before a reopening) stay as records.
create table period_appendix (
    id           bigint generated always as identity primary key,
    period_id    bigint not null references reporting_period (id),
    event_id     bigint not null references period_event (id),
    kind         text   not null check (kind in ('BILAGA_1', 'BILAGA_2')),
    format       text   not null check (format in ('DOCX', 'PDF')),
    file_name    text   not null,
    content_type text   not null,
    content      bytea  not null,
    sha256       text   not null,
    created_at   timestamp with time zone not null default now()
);
create index period_appendix_period on period_appendix (period_id, kind, format, id);

-- Drafts carried over from the previous period: shown as "från föregående period" until someone saves or confirms.
alter table follow_up_entry add column from_previous_period boolean not null default false;

--changeset uppfoljning:020-periods-lock splitStatements:false
-- The lock of a decided period, in the database itself: no row of a decided period may be inserted, changed or
-- deleted, whichever code tries. The error is SQLSTATE P0001 with the message 'period_locked'.
create function period_of_row(mode text, rec jsonb) returns bigint language plpgsql stable as $$
begin
    if rec is null then
        return null;
    elsif mode = 'entry' then
        return (select e.period_id from follow_up_entry e where e.id = (rec ->> 'entry_id')::bigint);
    else
        return (rec ->> 'period_id')::bigint;
    end if;
end
$$;

create function period_lock_guard() returns trigger language plpgsql as $$
declare
    p bigint;
begin
    foreach p in array array[
            period_of_row(tg_argv[0], case when tg_op <> 'DELETE' then to_jsonb(new) end),
            period_of_row(tg_argv[0], case when tg_op <> 'INSERT' then to_jsonb(old) end)] loop
        if p is not null and exists (select 1 from reporting_period r where r.id = p and r.state = 'DECIDED') then
            raise exception 'period_locked'
                using errcode = 'P0001', detail = format('%s of decided period %s', tg_table_name, p);
        end if;
    end loop;
    if tg_op = 'DELETE' then
        return old;
    end if;
    return new;
end
$$;

create trigger follow_up_entry_lock before insert or update or delete on follow_up_entry
    for each row execute function period_lock_guard('period');
create trigger follow_up_history_lock before insert or update or delete on follow_up_history
    for each row execute function period_lock_guard('entry');
create trigger measure_lock before insert or update or delete on measure
    for each row execute function period_lock_guard('period');
create trigger finance_row_lock before insert or update or delete on finance_row
    for each row execute function period_lock_guard('period');
create trigger finance_import_lock before insert or update or delete on finance_import
    for each row execute function period_lock_guard('period');
create trigger period_appendix_lock before insert or update or delete on period_appendix
    for each row execute function period_lock_guard('period');

-- A decided period itself: its name, dates and decision stay as decided; only reopening (state back to OPEN) changes
-- it, and it is never deleted.
create function reporting_period_lock_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        if old.state = 'DECIDED' then
            raise exception 'period_locked' using errcode = 'P0001', detail = format('delete of decided period %s', old.id);
        end if;
        return old;
    end if;
    if old.state = 'DECIDED' and new.state = 'DECIDED' and (row(new.*) is distinct from row(old.*)) then
        raise exception 'period_locked' using errcode = 'P0001', detail = format('update of decided period %s', old.id);
    end if;
    return new;
end
$$;

create trigger reporting_period_lock before update or delete on reporting_period
    for each row execute function reporting_period_lock_guard();
