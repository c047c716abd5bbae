--liquibase formatted sql

--changeset uppfoljning:120-session-end
-- Several nodes on one database (issue 17): an admin's deactivation, change of rights or password reset ends the
-- user's browser sessions on every node, not only the one that served the admin. The change writes a row here in its
-- own transaction; every node reads the rows of the last minutes every few seconds and ends its own sessions of that
-- user. Rows older than a day are deleted by the nodes; nothing else reads them.
create table session_end (
    id        bigint generated always as identity primary key,
    username  text not null,
    -- the database's clock, one for all nodes
    ended_at  timestamp with time zone not null default now()
);
create index session_end_ended_at on session_end (ended_at);
