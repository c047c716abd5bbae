package se.uppfoljning.base.database;

import org.jooq.ExecuteContext;
import org.springframework.boot.autoconfigure.jooq.ExceptionTranslatorExecuteListener;
import org.springframework.stereotype.Component;
import se.uppfoljning.base.error.LockedException;
import se.uppfoljning.base.error.ValidationException;

import java.sql.SQLException;

/**
 * Turns the database's refusal to change a decided period (trigger error SQLSTATE P0001, message 'period_locked',
 * see db-migrations/020-periods.sql) into a {@link LockedException} (HTTP 423), so the lock holds even where a
 * service forgot to check it; a text the database cannot store (NUL) into a {@link
 * se.uppfoljning.base.error.ValidationException}; every other error is translated as Spring Boot does by default.
 */
@Component
public class PeriodLockTranslator implements ExceptionTranslatorExecuteListener {

    public static final String SQL_STATE = "P0001";
    public static final String MESSAGE = "period_locked";

    @Override
    public void exception(ExecuteContext context) {
        if (isPeriodLocked(context.sqlException())) {
            context.exception(new LockedException("period.error.locked"));
            return;
        }
        if (isUnstorableText(context.sqlException())) {
            // a safety net behind InputText: a text that slipped past it (a query parameter, say) is a 422, not a 500
            context.exception(new ValidationException("input.error.unstorable"));
            return;
        }
        ExceptionTranslatorExecuteListener.DEFAULT.exception(context);
    }

    /** NUL in a parameter (refused by the driver) or a character the database encoding cannot hold. */
    static boolean isUnstorableText(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && (sql.getSQLState().equals("22021")
                    || sql.getSQLState().equals("22P05") || (sql.getSQLState().equals("22023")
                    && String.valueOf(sql.getMessage()).contains("Zero bytes")))) {
                return true;
            }
        }
        return false;
    }

    public static boolean isPeriodLocked(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && SQL_STATE.equals(sql.getSQLState())
                    && sql.getMessage() != null && sql.getMessage().contains(MESSAGE)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
