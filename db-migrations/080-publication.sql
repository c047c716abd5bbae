--liquibase formatted sql

--changeset uppfoljning:080-organisation-slug
-- The organisation's part of the public pages' address (/offentlig/{slug}): "Örebro kommun" → "orebro". Stable once
-- set, since residents and the municipality's website link to it.
alter table organisation add column slug text;
update organisation
set slug = trim(both '-' from regexp_replace(
        regexp_replace(lower(translate(name, 'ÅÄÖÉÈÜåäöéèü', 'aaoeeuaaoeeu')), '\s+kommun$', ''),
        '[^a-z0-9]+', '-', 'g'));
alter table organisation alter column slug set not null;
alter table organisation add constraint organisation_slug_unique unique (slug);
alter table organisation add constraint organisation_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$');

--changeset uppfoljning:080-committee-publication
-- Whether a committee's decided reports are on the public pages. Off until an administrator turns it on; only the
-- publication feature writes this table.
create table committee_publication (
    committee_id bigint  primary key references committee (id),
    enabled      boolean not null,
    changed_at   timestamp with time zone not null default now(),
    changed_by   text    not null
);
