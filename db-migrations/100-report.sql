--liquibase formatted sql

--changeset uppfoljning:100-report
-- The report's own text: an ordered outline of sections per committee and period (number, heading, level), each either
-- a Markdown text or a block generated from the period's data (block_type), with its state and a version for
-- optimistic locking. A new period starts from the previous period's outline and texts as drafts.
create table report_section (
    id          bigint generated always as identity primary key,
    period_id   bigint  not null references reporting_period (id),
    sort_order  int     not null,
    number      text,
    heading     text,
    level       int     not null check (level between 0 and 3),
    kind        text    not null check (kind in ('TEXT', 'BLOCK')),
    block_type  text,
    body        text    not null default '',
    state       text    not null check (state in ('DRAFT', 'WRITTEN', 'CONFIRMED')),
    version     int     not null default 1,
    changed_by  text,
    changed_at  timestamp with time zone,
    check ((kind = 'BLOCK') = (block_type is not null))
);
create index report_section_period on report_section (period_id, sort_order);

-- Who besides the secretariat may write a section (the controller writes the finance commentary), by username.
create table report_section_editor (
    section_id bigint not null references report_section (id),
    period_id  bigint not null references reporting_period (id),
    username   text   not null,
    primary key (section_id, username)
);

-- Every change of a section's text or state: who, when, old -> new. Append-only like the follow-up history.
create table report_section_history (
    id          bigint generated always as identity primary key,
    section_id  bigint not null references report_section (id),
    period_id   bigint not null references reporting_period (id),
    version     int    not null,
    old_body    text,
    new_body    text   not null,
    old_state   text,
    new_state   text   not null,
    changed_by  text   not null,
    changed_at  timestamp with time zone not null
);
create index report_section_history_section on report_section_history (section_id, id);

-- The whole report (Word and PDF) as decided, beside the stored appendices; newest row per format is the decided one.
-- decided_line: the title page's "Beslutad av …, den …", so the decided report can be rendered again identically.
create table period_report (
    id           bigint generated always as identity primary key,
    period_id    bigint not null references reporting_period (id),
    event_id     bigint not null references period_event (id),
    format       text   not null check (format in ('DOCX', 'PDF')),
    file_name    text   not null,
    content_type text   not null,
    content      bytea  not null,
    sha256       text   not null,
    decided_line text   not null,
    created_at   timestamp with time zone not null default now()
);
create index period_report_period on period_report (period_id, format, id);

-- Decided periods lock these rows like every other row of the period (020-periods.sql).
create trigger report_section_lock before insert or update or delete on report_section
    for each row execute function period_lock_guard('period');
create trigger report_section_editor_lock before insert or update or delete on report_section_editor
    for each row execute function period_lock_guard('period');
create trigger report_section_history_lock before insert or update or delete on report_section_history
    for each row execute function period_lock_guard('period');
create trigger period_report_lock before insert or update or delete on period_report
    for each row execute function period_lock_guard('period');
