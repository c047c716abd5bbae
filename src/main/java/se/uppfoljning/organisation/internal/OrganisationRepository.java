package se.uppfoljning.organisation.internal;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import se.uppfoljning.organisation.Committee;
import se.uppfoljning.organisation.Department;
import se.uppfoljning.organisation.Organisation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static se.uppfoljning.db.Tables.COMMITTEE;
import static se.uppfoljning.db.Tables.DEPARTMENT;
import static se.uppfoljning.db.Tables.ORGANISATION;
import static se.uppfoljning.db.Tables.PLAN_YEAR;
import static se.uppfoljning.db.Tables.STATUS_VALUE;

@Repository
public class OrganisationRepository {

    private final DSLContext db;

    OrganisationRepository(DSLContext db) {
        this.db = db;
    }

    public boolean isEmpty() {
        return !db.fetchExists(ORGANISATION);
    }

    public long insertOrganisation(String name, String slug) {
        return db.insertInto(ORGANISATION).set(ORGANISATION.NAME, name).set(ORGANISATION.SLUG, slug)
                .returning(ORGANISATION.ID).fetchOne().getId();
    }

    public Optional<Organisation> organisation(String slug) {
        return db.selectFrom(ORGANISATION).where(ORGANISATION.SLUG.eq(slug))
                .fetchOptional(r -> new Organisation(r.getId(), r.getSlug(), r.getName()));
    }

    public List<Organisation> organisations() {
        return db.selectFrom(ORGANISATION).orderBy(ORGANISATION.NAME)
                .fetch(r -> new Organisation(r.getId(), r.getSlug(), r.getName()));
    }

    public Optional<Organisation> organisation(long id) {
        return db.selectFrom(ORGANISATION).where(ORGANISATION.ID.eq(id))
                .fetchOptional(r -> new Organisation(r.getId(), r.getSlug(), r.getName()));
    }

    /** Every committee of the organisation, in the organisation's order. */
    public List<Committee> committeesOf(long organisationId) {
        return db.selectFrom(COMMITTEE).where(COMMITTEE.ORGANISATION_ID.eq(organisationId))
                .orderBy(COMMITTEE.SORT_ORDER, COMMITTEE.NAME)
                .fetch(r -> new Committee(r.getId(), r.getOrganisationId(), r.getSlug(), r.getCode(), r.getName()));
    }

    public void insertStatus(long organisationId, String scale, String label, String tone, int sortOrder) {
        db.insertInto(STATUS_VALUE)
                .set(STATUS_VALUE.ORGANISATION_ID, organisationId)
                .set(STATUS_VALUE.SCALE, scale)
                .set(STATUS_VALUE.LABEL, label)
                .set(STATUS_VALUE.TONE, tone)
                .set(STATUS_VALUE.SORT_ORDER, sortOrder)
                .execute();
    }

    public long insertPlanYear(long organisationId, int year, String name) {
        return db.insertInto(PLAN_YEAR).set(PLAN_YEAR.ORGANISATION_ID, organisationId).set(PLAN_YEAR.YEAR, year)
                .set(PLAN_YEAR.NAME, name).returning(PLAN_YEAR.ID).fetchOne().getId();
    }

    /** The organisation's plan years (ÖSB), newest first. */
    public List<Integer> planYears(long organisationId) {
        return db.select(PLAN_YEAR.YEAR).from(PLAN_YEAR).where(PLAN_YEAR.ORGANISATION_ID.eq(organisationId))
                .orderBy(PLAN_YEAR.YEAR.desc()).fetch(PLAN_YEAR.YEAR);
    }

    public Committee insertCommittee(long organisationId, String slug, String code, String name) {
        int order = db.fetchCount(COMMITTEE);
        long id = db.insertInto(COMMITTEE)
                .set(COMMITTEE.ORGANISATION_ID, organisationId)
                .set(COMMITTEE.SLUG, slug)
                .set(COMMITTEE.CODE, code)
                .set(COMMITTEE.NAME, name)
                .set(COMMITTEE.SORT_ORDER, order)
                .returning(COMMITTEE.ID).fetchOne().getId();
        return new Committee(id, organisationId, slug, code, name);
    }

    public void renameDepartment(long committeeId, long departmentId, String name) {
        db.update(DEPARTMENT).set(DEPARTMENT.NAME, name).where(DEPARTMENT.ID.eq(departmentId))
                .and(DEPARTMENT.COMMITTEE_ID.eq(committeeId)).execute();
    }

    public Department insertDepartment(long committeeId, String name) {
        int order = db.fetchCount(DEPARTMENT, DEPARTMENT.COMMITTEE_ID.eq(committeeId));
        long id = db.insertInto(DEPARTMENT)
                .set(DEPARTMENT.COMMITTEE_ID, committeeId)
                .set(DEPARTMENT.NAME, name)
                .set(DEPARTMENT.SORT_ORDER, order)
                .returning(DEPARTMENT.ID).fetchOne().getId();
        return new Department(id, committeeId, name);
    }

    public List<Committee> committees(Collection<Long> ids, boolean all) {
        return db.selectFrom(COMMITTEE)
                .where(all ? DSL.trueCondition() : COMMITTEE.ID.in(ids))
                .orderBy(COMMITTEE.SORT_ORDER, COMMITTEE.NAME)
                .fetch(r -> new Committee(r.getId(), r.getOrganisationId(), r.getSlug(), r.getCode(), r.getName()));
    }

    public Optional<Committee> committee(String slug) {
        return db.selectFrom(COMMITTEE).where(COMMITTEE.SLUG.eq(slug))
                .fetchOptional(r -> new Committee(r.getId(), r.getOrganisationId(), r.getSlug(), r.getCode(), r.getName()));
    }

    public List<Department> departments(long committeeId) {
        return db.selectFrom(DEPARTMENT).where(DEPARTMENT.COMMITTEE_ID.eq(committeeId))
                .orderBy(DEPARTMENT.NAME)
                .fetch(r -> new Department(r.getId(), r.getCommitteeId(), r.getName()));
    }
}
