--liquibase formatted sql

--changeset uppfoljning:125-period-lock-against-decision splitStatements:false
-- A save that commits while the decision renders its documents must either be in them or be refused. The guards
-- read the period's state without a lock, so a save that began before the decision and committed during its
-- rendering was accepted but missing from the decided documents. Now every guarded write holds a share lock on its
-- period's row until it commits, and the decision locks that row first (PeriodRepository.lockForDecision): the
-- decision waits for the saves in progress and renders what they wrote; a save that comes later waits for the
-- decision and then sees DECIDED. Share locks do not block each other, so saves do not wait for one another.
create or replace function period_lock_guard() returns trigger language plpgsql as $$
declare
    p bigint;
    s text;
begin
    foreach p in array array[
            period_of_row(tg_argv[0], case when tg_op <> 'DELETE' then to_jsonb(new) end),
            period_of_row(tg_argv[0], case when tg_op <> 'INSERT' then to_jsonb(old) end)] loop
        if p is not null then
            select r.state into s from reporting_period r where r.id = p for share;
            if s = 'DECIDED' then
                raise exception 'period_locked'
                    using errcode = 'P0001', detail = format('%s of decided period %s', tg_table_name, p);
            end if;
        end if;
    end loop;
    if tg_op = 'DELETE' then
        return old;
    end if;
    return new;
end
$$;

create or replace function finance_row_guard() returns trigger language plpgsql as $$
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
        perform 1 from reporting_period r where r.id in (select distinct n.period_id from new_rows n) for share;
        select n.period_id into p from new_rows n join reporting_period r on r.id = n.period_id
            where r.state = 'DECIDED' limit 1;
    end if;
    if p is null and tg_op in ('UPDATE', 'DELETE') then
        perform 1 from reporting_period r where r.id in (select distinct o.period_id from old_rows o) for share;
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
