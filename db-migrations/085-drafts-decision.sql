--liquibase formatted sql

--changeset uppfoljning:085-drafts-decision
-- The decision form of a period (body, date, paragraph, diary number) keeps a draft too (issue 10): subject 'decision'.
alter table draft drop constraint draft_kind_check;
alter table draft add constraint draft_kind_check check (kind in ('FOLLOW_UP', 'MEASURE', 'DECISION'));
