--liquibase formatted sql

--changeset uppfoljning:010-users-audit
-- Append-only log of every change in the application: who, when, in which committee (null: global, e.g. users), what.
create table audit_log (
    id           bigint generated always as identity primary key,
    occurred_at  timestamp with time zone not null default now(),
    username     text   not null,
    committee_id bigint references committee (id),
    action       text   not null,
    subject      text   not null,
    details      text   not null default ''
);

create index audit_log_occurred_at_idx on audit_log (occurred_at desc);
create index audit_log_committee_idx on audit_log (committee_id);

--changeset uppfoljning:010-audit-append-only-function splitStatements:false
-- The database itself refuses to change or remove a logged entry.
create function audit_log_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit_log is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
end;
$$;

--changeset uppfoljning:010-audit-append-only-trigger
create trigger audit_log_no_update_or_delete
    before update or delete on audit_log
    for each row execute function audit_log_append_only();
