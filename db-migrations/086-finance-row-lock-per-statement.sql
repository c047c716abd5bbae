--liquibase formatted sql

--changeset uppfoljning:086-finance-row-lock-per-statement splitStatements:false
-- The lock of a decided period on finance_row, checked once per statement instead of once per row (issue 10): a
-- finance import writes 100 000 rows in one statement, and the row trigger (plpgsql, to_jsonb of every row, a lookup
-- each) cost more than the writing itself. Same refusal: SQLSTATE P0001, message 'period_locked'.
create function finance_row_lock_guard() returns trigger language plpgsql as $$
declare
    p bigint;
begin
    if tg_op in ('INSERT', 'UPDATE') then
        select n.period_id into p from new_rows n join reporting_period r on r.id = n.period_id
            where r.state = 'DECIDED' limit 1;
    end if;
    if p is null and tg_op in ('UPDATE', 'DELETE') then
        select o.period_id into p from old_rows o join reporting_period r on r.id = o.period_id
            where r.state = 'DECIDED' limit 1;
    end if;
    if p is not null then
        raise exception 'period_locked'
            using errcode = 'P0001', detail = format('%s of decided period %s', tg_table_name, p);
    end if;
    return null;
end
$$;

drop trigger finance_row_lock on finance_row;
create trigger finance_row_lock_insert after insert on finance_row referencing new table as new_rows
    for each statement execute function finance_row_lock_guard();
create trigger finance_row_lock_update after update on finance_row referencing old table as old_rows new table as new_rows
    for each statement execute function finance_row_lock_guard();
create trigger finance_row_lock_delete after delete on finance_row referencing old table as old_rows
    for each statement execute function finance_row_lock_guard();
