package se.uppfoljning.periods;

/** What the current user may do with a committee's periods: create and move them, and reopen a decided one. */
public record PeriodRights(boolean mayManage, boolean mayReopen) {
}
