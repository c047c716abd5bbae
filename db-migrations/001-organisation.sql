--liquibase formatted sql

--changeset uppfoljning:001-organisation
create table organisation (
    id          bigint generated always as identity primary key,
    name        text not null unique
);

create table committee (
    id              bigint generated always as identity primary key,
    organisation_id bigint not null references organisation (id),
    slug            text not null unique,
    code            text not null,
    name            text not null,
    sort_order      int  not null default 0
);

create table department (
    id           bigint generated always as identity primary key,
    committee_id bigint not null references committee (id),
    name         text not null,
    sort_order   int  not null default 0,
    unique (committee_id, name)
);

create table app_user (
    id                   bigint generated always as identity primary key,
    username             text not null unique,
    display_name         text not null,
    password_hash        text not null,
    enabled              boolean not null default true,
    must_change_password boolean not null default false,
    created_at           timestamp with time zone not null default now()
);

-- A user belongs to committees with one role in each (POLITICIAN, OFFICIAL, SECRETARIAT, CONTROLLER, ADMIN).
create table committee_membership (
    user_id      bigint not null references app_user (id),
    committee_id bigint not null references committee (id),
    role         text   not null check (role in ('POLITICIAN', 'OFFICIAL', 'SECRETARIAT', 'CONTROLLER', 'ADMIN')),
    primary key (user_id, committee_id, role)
);

-- The departments whose items an official may edit.
create table user_department (
    user_id       bigint not null references app_user (id),
    department_id bigint not null references department (id),
    primary key (user_id, department_id)
);

create table plan_year (
    id              bigint generated always as identity primary key,
    organisation_id bigint not null references organisation (id),
    year            int    not null,
    name            text   not null,
    unique (organisation_id, year)
);

create table reporting_period (
    id           bigint generated always as identity primary key,
    committee_id bigint not null references committee (id),
    slug         text   not null,
    name         text   not null,
    kind         text   not null check (kind in ('DR1', 'DR2', 'ANNUAL')),
    year         int    not null,
    end_date     date   not null,
    state        text   not null default 'OPEN' check (state in ('OPEN', 'REVIEW', 'DECIDED')),
    unique (committee_id, slug)
);
