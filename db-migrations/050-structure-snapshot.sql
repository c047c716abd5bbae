--liquibase formatted sql

--changeset uppfoljning:050-structure-snapshot
-- The structure of a decided period as it was decided: every item the report showed, with its area, strategic
-- goal, number, text, target and owner at that moment. A decided period is read from here, so renaming, moving or
-- retiring an item later never changes a public record. Written when the decision is recorded (the period is still
-- under review then), frozen by the same lock trigger as the period's other rows.
create table period_item (
    period_id            bigint  not null references reporting_period (id),
    item_id              bigint  not null references follow_up_item (id),
    area_id              bigint  not null,
    area_name            text    not null,
    area_sort_order      int     not null,
    goal_id              bigint,
    goal_number          int,
    goal_text            text,
    kind                 text    not null,
    number               text,
    text                 text    not null,
    target_text          text,
    department_id        bigint,
    owner                text,
    plan_year            int     not null,
    carried_over         boolean not null,
    derived_from_finance boolean not null,
    sort_order           int     not null,
    primary key (period_id, item_id)
);

create trigger period_item_lock before insert or update or delete on period_item
    for each row execute function period_lock_guard('period');
