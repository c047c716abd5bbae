--liquibase formatted sql

--changeset uppfoljning:130-finance-labels
-- Optional metadata of a finance file's rows (docs/finance-import.md), so the report's column headings come from the
-- data: the date of the previous year's comparable outcome ("Utfall 230831"), the ledger's names of the dimensions
-- the rows and their groups are ("RN3", "RN2", "KONTOGRUPP SUM") and the group's name ("Kommungemensamt Övrigt").
-- Per row like the figures, so an import replaces them with its levels and a file without them prints the fallback.
alter table finance_row add column prev_period_date date;
alter table finance_row add column group_name text;
alter table finance_row add column row_heading text;
alter table finance_row add column group_heading text;
