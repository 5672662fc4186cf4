package app.crux.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Tells a failure caused by the database being out of reach (restarting, down, or every pooled
 * connection busy) from a bug, so Crux answers it with 503 and {@code Retry-After} instead of 500:
 * the request did nothing, and the same request will work in a few seconds.
 * <p>
 * Most requests reach the database inside a resource, where {@link ErrorPages} maps the exception.
 * Logins and API tokens are checked earlier, by Quarkus' authentication, whose failures go to the
 * router's failure handlers: {@link #install} catches those.
 */
@ApplicationScoped
public class DatabaseUnavailable {

    /** Seconds a client is asked to wait: a PostgreSQL restart takes a few seconds. */
    public static final int RETRY_AFTER_SECONDS = 5;
    static final String TITLE = "Try again in a moment";
    static final String MESSAGE = "Crux cannot reach its database just now (it may be restarting). Nothing was saved; "
            + "try again in a few seconds.";

    void install(@Observes Router router) {
        // a failure handler on every route runs before Quarkus' own error page (which answers 500)
        router.route().order(PathGuard.ORDER).failureHandler(this::onFailure);
    }

    private void onFailure(RoutingContext context) {
        if (context.response().headWritten() || !causedBy(context.failure())) {
            context.next();
            return;
        }
        context.response().putHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        boolean json = Requests.wantsJson(context.request())
                || context.request().path().toLowerCase(Locale.ROOT).startsWith("/api");
        ErrorPages.refuseEarly(context, 503, TITLE, MESSAGE, json);
    }

    /**
     * True when {@code failure} or one of its causes says the database could not be reached:
     * SQL state class 08 (connection exception), 57P01–57P03 (server shutting down, crashed or
     * starting), 53300 (too many connections), a refused or timed-out socket, or Agroal finding no free connection in time.
     * Constraint violations, bad data and every other SQL error are not this (they keep 409/400/500).
     */
    public static boolean causedBy(Throwable failure) {
        return causedBy(failure, 0);
    }

    /** Causes and suppressed exceptions both: a failed commit hides the lost connection among the suppressed. */
    private static boolean causedBy(Throwable failure, int depth) {
        if (failure == null || depth > 12) {
            return false;
        }
        if (failure instanceof SQLException sql && unreachable(sql)
                || failure instanceof ConnectException || failure instanceof SocketTimeoutException
                || failure.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (causedBy(suppressed, depth + 1)) {
                return true;
            }
        }
        return failure.getCause() != failure && causedBy(failure.getCause(), depth + 1);
    }

    private static boolean unreachable(SQLException sql) {
        String state = sql.getSQLState();
        if (state != null) {
            return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                    || state.equals("53300");
        }
        // Agroal's pool says so without a SQL state; its two wordings (pool full, creating a connection)
        String message = sql.getMessage() == null ? "" : sql.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("acquisition timeout");
    }
}
