--liquibase formatted sql

--changeset uppfoljning:086-finance-row-lock-per-statement splitStatements:false
-- finance_row's two checks per row made for 40 % of a 100 000-row finance import's replace (issue 10): the period
-- lock (a plpgsql row trigger: to_jsonb of every row and a lookup each) and the foreign key to reporting_period (one
-- lookup with a row lock each). Both are checked once per statement here, over the statement's rows as a set: the
-- same refusals, SQLSTATE P0001 'period_locked' for a decided period, 23503 for a period that does not exist, and a
-- period with finance rows cannot be deleted.
create function finance_row_guard() returns trigger language plpgsql as $$
declare
    p bigint;
begin
    if tg_op in ('INSERT', 'UPDATE') then
        select n.period_id into p from new_rows n
            where not exists (select 1 from reporting_period r where r.id = n.period_id) limit 1;
        if p is not null then
            raise exception 'insert or update on table "finance_row" violates foreign key constraint "finance_row_period_id_fkey"'
                using errcode = '23503', detail = format('Key (period_id)=(%s) is not present in table "reporting_period".', p);
        end if;
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
alter table finance_row drop constraint finance_row_period_id_fkey;
create trigger finance_row_guard_insert after insert on finance_row referencing new table as new_rows
    for each statement execute function finance_row_guard();
create trigger finance_row_guard_update after update on finance_row referencing old table as old_rows new table as new_rows
    for each statement execute function finance_row_guard();
create trigger finance_row_guard_delete after delete on finance_row referencing old table as old_rows
    for each statement execute function finance_row_guard();

-- what the foreign key also did: a period is not deleted from under its finance rows
create function reporting_period_finance_rows_guard() returns trigger language plpgsql as $$
begin
    if exists (select 1 from finance_row f where f.period_id = old.id) then
        raise exception 'update or delete on table "reporting_period" violates foreign key constraint "finance_row_period_id_fkey" on table "finance_row"'
            using errcode = '23503', detail = format('Key (id)=(%s) is still referenced from table "finance_row".', old.id);
    end if;
    return old;
end
$$;
create trigger reporting_period_finance_rows before delete or update of id on reporting_period
    for each row execute function reporting_period_finance_rows_guard();
