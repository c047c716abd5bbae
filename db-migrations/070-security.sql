--liquibase formatted sql

--changeset uppfoljning:070-login-lock
-- A temporary lock after repeated failed logins (issue 11). Kept in the database, not only in memory, so an
-- admin sees and lifts it in Användare and every application node refuses the locked account alike.
alter table app_user add column locked_until timestamp with time zone;

--changeset uppfoljning:070-api-token
-- Personal API tokens for integrations. Only the SHA-256 of the token is stored: the token is shown once.
create table api_token (
    id          bigint generated always as identity primary key,
    user_id     bigint not null references app_user (id),
    name        text   not null check (length(name) between 1 and 100),
    token_hash  text   not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
    scope       text   not null check (scope in ('READ', 'WRITE')),
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    revoked_at  timestamp with time zone
);

create index api_token_user_idx on api_token (user_id);

--changeset uppfoljning:070-audit-action-index
-- Security events are read by kind (action) and user.
create index audit_log_action_idx on audit_log (action, occurred_at desc);
