--liquibase formatted sql

--changeset uppfoljning:002-follow-up
create table strategic_area (
    id              bigint generated always as identity primary key,
    organisation_id bigint not null references organisation (id),
    name            text   not null,
    sort_order      int    not null,
    unique (organisation_id, name)
);

create table strategic_goal (
    id              bigint generated always as identity primary key,
    organisation_id bigint not null references organisation (id),
    area_id         bigint not null references strategic_area (id),
    number          int    not null,
    text            text   not null,
    unique (organisation_id, number)
);

-- Status scales are data: GOAL ("Prognos måluppfyllelse") and ASSIGNMENT ("Prognos uppdrag").
create table status_value (
    id              bigint generated always as identity primary key,
    organisation_id bigint not null references organisation (id),
    scale           text   not null check (scale in ('GOAL', 'ASSIGNMENT')),
    label           text   not null,
    tone            text   not null check (tone in ('success', 'warning', 'error', 'contrast')),
    sort_order      int    not null,
    unique (organisation_id, scale, label)
);

-- Committee goals, indicators and assignments: what gets a forecast status and a comment each period.
create table follow_up_item (
    id                   bigint generated always as identity primary key,
    committee_id         bigint not null references committee (id),
    kind                 text   not null check (kind in ('COMMITTEE_GOAL', 'INDICATOR', 'ASSIGNMENT')),
    area_id              bigint not null references strategic_area (id),
    strategic_goal_id    bigint references strategic_goal (id),
    number               text,
    text                 text   not null,
    target_text          text,
    department_id        bigint references department (id),
    plan_year            int    not null,
    carried_over         boolean not null default false,
    derived_from_finance boolean not null default false,
    sort_order           int    not null,
    retired_at           timestamp with time zone,
    check ((kind = 'ASSIGNMENT') = (strategic_goal_id is null))
);
create index follow_up_item_committee on follow_up_item (committee_id, sort_order);
create unique index follow_up_item_number on follow_up_item (committee_id, plan_year, number) where number is not null;

create table follow_up_entry (
    id              bigint generated always as identity primary key,
    item_id         bigint not null references follow_up_item (id),
    period_id       bigint not null references reporting_period (id),
    status_id       bigint references status_value (id),
    comment         text   not null default '',
    version         int    not null default 1,
    updated_at      timestamp with time zone not null default now(),
    updated_by      text   not null,
    unique (item_id, period_id)
);
create index follow_up_entry_period on follow_up_entry (period_id);

-- Every change of a follow-up entry, old and new values; append-only.
create table follow_up_history (
    id          bigint generated always as identity primary key,
    entry_id    bigint not null references follow_up_entry (id),
    version     int    not null,
    old_status  text,
    new_status  text,
    old_comment text,
    new_comment text   not null,
    changed_by  text   not null,
    changed_at  timestamp with time zone not null
);
create index follow_up_history_entry on follow_up_history (entry_id, version);

-- Bilaga 1: measures for a balanced economy. Effects in whole kronor.
create table measure (
    id               bigint generated always as identity primary key,
    committee_id     bigint not null references committee (id),
    period_id        bigint not null references reporting_period (id),
    number           int    not null,
    description      text   not null,
    decision         text,
    diary_number     text,
    forecast_effect  bigint,
    total_effect     bigint,
    achieved_effect  bigint,
    expected_effect  text,
    comment          text,
    unique (period_id, number)
);

--changeset uppfoljning:002-system-user
-- The application itself (imports, demo data, derived statuses) as the author of entries; it cannot sign in.
insert into app_user (username, display_name, password_hash, enabled) values ('system', 'Import (systemet)', '!', false);
