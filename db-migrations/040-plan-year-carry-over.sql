--liquibase formatted sql

--changeset uppfoljning:040-plan-year-carry-over
-- An assignment carried over into a new plan year ("Kvarstående uppdrag från ÖSB {year}") points at the item it
-- continues, so the carry-over is done once per item and the new year's first period starts from its last entry.
alter table follow_up_item
    add column carried_from_item_id bigint references follow_up_item (id);
create unique index follow_up_item_carried_from on follow_up_item (carried_from_item_id)
    where carried_from_item_id is not null;
