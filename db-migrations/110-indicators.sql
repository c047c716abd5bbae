--liquibase formatted sql

--changeset uppfoljning:110-indicator-target
-- The target of a goal or indicator as data (the printed target text on follow_up_item stays as written), and its
-- link to Kolada. One row per item; only the indicators feature writes it.
create table indicator_target (
    item_id              bigint primary key references follow_up_item (id),
    target_kind          text   not null check (target_kind in ('AT_LEAST', 'AT_MOST', 'INCREASE', 'DECREASE', 'NONE')),
    -- exact decimal as written ("minst 3,45": unconstrained numeric keeps 3.45, not 3.450000); required for AT_LEAST/AT_MOST, absent otherwise
    target_value         numeric,
    unit                 text,
    -- the year INCREASE/DECREASE compares with (null: the year before the latest value)
    comparison_year      int,
    kolada_kpi           text,
    kolada_municipality  text,
    kolada_ou            text,
    version              int    not null default 1,
    updated_at           timestamp with time zone not null,
    updated_by           text   not null,
    check ((target_kind in ('AT_LEAST', 'AT_MOST')) = (target_value is not null)),
    check (kolada_municipality is null or kolada_ou is null),
    check (kolada_kpi is not null or (kolada_municipality is null and kolada_ou is null))
);

--changeset uppfoljning:110-indicator-value
-- Measured values per item, year and gender (T total, K women, M men). Source MANUAL, KOLADA (source_ref: the KPI
-- id) or IMPORT (source_ref: the file name). Changes are kept in indicator_value_history.
create table indicator_value (
    id           bigint generated always as identity primary key,
    item_id      bigint not null references follow_up_item (id),
    year         int    not null check (year between 1900 and 2200),
    gender       text   not null default 'T' check (gender in ('T', 'K', 'M')),
    value        numeric,
    preliminary  boolean not null default false,
    -- Kolada's own status of the value (non-empty: a flag such as a break in the series)
    source_flag  text,
    source       text   not null check (source in ('MANUAL', 'KOLADA', 'IMPORT')),
    source_ref   text,
    fetched_at   timestamp with time zone,
    version      int    not null default 1,
    updated_at   timestamp with time zone not null,
    updated_by   text   not null,
    unique (item_id, year, gender)
);

-- Every change of a value (the first entry too), old and new; append-only.
create table indicator_value_history (
    id               bigint generated always as identity primary key,
    value_id         bigint not null references indicator_value (id),
    version          int    not null,
    old_value        numeric,
    new_value        numeric,
    old_preliminary  boolean,
    new_preliminary  boolean not null,
    source           text   not null,
    source_ref       text,
    changed_by       text   not null,
    changed_at       timestamp with time zone not null
);
create index indicator_value_history_value on indicator_value_history (value_id, version);
