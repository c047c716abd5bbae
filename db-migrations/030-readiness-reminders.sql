--liquibase formatted sql

--changeset uppfoljning:030-readiness
-- An official marks an entry (item × period) ready: when and by whom. Both or neither. The period lock trigger on
-- follow_up_entry (020-periods.sql) covers these columns too: no marking or unmarking in a decided period.
alter table follow_up_entry
    add column ready_at timestamp with time zone,
    add column ready_by text,
    add constraint follow_up_entry_ready_both check ((ready_at is null) = (ready_by is null));

-- E-mail address for reminders; optional.
alter table app_user
    add column email text,
    add constraint app_user_email_format check (email is null or (length(email) <= 254
        and email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'));

--changeset uppfoljning:030-notifications
-- In-app notifications per user (reminders from the secretariat), newest first; read_at null while unread.
create table notification (
    id           bigint generated always as identity primary key,
    user_id      bigint not null references app_user (id),
    committee_id bigint references committee (id),
    created_at   timestamp with time zone not null default now(),
    created_by   text   not null,
    title        text   not null,
    body         text   not null,
    link         text,
    read_at      timestamp with time zone
);
create index notification_user on notification (user_id, id desc);
