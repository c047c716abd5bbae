--liquibase formatted sql

--changeset uppfoljning:060-drafts
-- What a user has typed in an edit dialog and not yet saved, kept while they type so that a lost session, a closed tab
-- or a crashed browser loses nothing. One draft per user and edited thing; only its user ever reads it; it never
-- becomes a saved entry by itself (the user restores it into the dialog and saves), and a successful save removes it.
-- kind: FOLLOW_UP (subject = the item's id), MEASURE (subject = the measure's id, or 'new').
create table draft (
    user_id   bigint not null references app_user (id),
    kind      text   not null check (kind in ('FOLLOW_UP', 'MEASURE')),
    period_id bigint not null references reporting_period (id),
    subject   text   not null,
    fields    jsonb  not null,
    saved_at  timestamp with time zone not null,
    primary key (user_id, kind, period_id, subject)
);
