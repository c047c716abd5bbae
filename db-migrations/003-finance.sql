--liquibase formatted sql

--changeset uppfoljning:003-finance
-- Budget levels of a committee (KS: ÖKL, ÖKF, ÖKG, ÖKA). The committee's own code names the summary lines.
create table finance_level (
    id           bigint generated always as identity primary key,
    committee_id bigint not null references committee (id),
    code         text   not null,
    name         text   not null,
    sort_order   int    not null,
    unique (committee_id, code)
);

-- The figures of a period as imported, in kronor. Derived values (deviations, consumption, subtotals) are never
-- stored; rows with summed = true are subtotals delivered with the file, kept only to be checked.
create table finance_row (
    id                   bigint generated always as identity primary key,
    period_id            bigint  not null references reporting_period (id),
    level_code           text    not null,
    cut                  text    not null check (cut in ('SUMMARY', 'UNIT', 'ACCOUNT_GROUP', 'ACTIVITY', 'INVESTMENT')),
    group_code           text,
    code                 text    not null,
    name                 text    not null,
    summed               boolean not null,
    sort_order           int     not null,
    prev_period_outcome  bigint,
    prev_year_closed     bigint  not null,
    outcome_to_date      bigint  not null,
    budget_to_date       bigint,
    original_budget      bigint,
    forecast             bigint  not null,
    budget               bigint  not null,
    unique (period_id, level_code, cut, code)
);

-- Every import attempt: who, when, which file, its result.
create table finance_import (
    id           bigint generated always as identity primary key,
    period_id    bigint  not null references reporting_period (id),
    file_name    text    not null,
    sha256       text    not null,
    row_count    int     not null,
    levels       text    not null default '',
    result       text    not null check (result in ('OK', 'UNCHANGED', 'REJECTED')),
    added        int     not null default 0,
    changed      int     not null default 0,
    removed      int     not null default 0,
    message      text    not null default '',
    imported_by  text    not null,
    imported_at  timestamp with time zone not null default now()
);
create index finance_import_period on finance_import (period_id, imported_at);
