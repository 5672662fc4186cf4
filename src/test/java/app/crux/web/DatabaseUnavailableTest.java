package app.crux.web;

import io.quarkus.arc.ArcUndeclaredThrowableException;
import jakarta.transaction.RollbackException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import javax.transaction.xa.XAException;
import java.net.ConnectException;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures mean "the database is out of reach" (503 + Retry-After) and which stay what they are. */
class DatabaseUnavailableTest {

    @Test
    void aRefusedConnectionAsPgjdbcAndAgroalReportIt() {
        var refused = new PSQLException("Connection to 127.0.0.1:18000 refused.", PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new ConnectException("Connection refused"));
        assertTrue(DatabaseUnavailable.causedBy(new SQLException("Exception while creating new connection", refused)));
        assertTrue(DatabaseUnavailable.causedBy(new JDBCConnectionException("could not prepare statement", refused)));
    }

    @Test
    void aFullPoolOrAPoolThatCouldNotConnectInTime() {
        assertTrue(DatabaseUnavailable.causedBy(new SQLException("Acquisition timeout while waiting for new connection")));
        assertTrue(DatabaseUnavailable.causedBy(new SQLException("Sorry, acquisition timeout!")));
    }

    @Test
    void theServerShuttingDownOrStartingOrFull() {
        assertTrue(DatabaseUnavailable.causedBy(new SQLException("FATAL: terminating connection due to administrator command", "57P01")));
        assertTrue(DatabaseUnavailable.causedBy(new SQLException("FATAL: the database system is starting up", "57P03")));
        assertTrue(DatabaseUnavailable.causedBy(new SQLException("FATAL: sorry, too many clients already", "53300")));
        assertTrue(DatabaseUnavailable.causedBy(new SQLException("An I/O error occurred while sending to the backend.", "08006")));
    }

    /** As seen in ops/db-restart.sh: the lost connection is only among the suppressed exceptions of a failed commit. */
    @Test
    void aCommitThatFailedBecauseTheServerWentAway() {
        var commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        var xa = new XAException("Error trying to transactionCommit local transaction");
        xa.initCause(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        commit.addSuppressed(xa);
        assertTrue(DatabaseUnavailable.causedBy(new ArcUndeclaredThrowableException("Error invoking subclass method", commit)));
    }

    @Test
    void otherDatabaseErrorsAreNotAnOutage() {
        assertFalse(DatabaseUnavailable.causedBy(new ConstraintViolationException("duplicate",
                new PSQLException("duplicate key value violates unique constraint", PSQLState.UNIQUE_VIOLATION), "claim_slug_key")));
        assertFalse(DatabaseUnavailable.causedBy(new SQLException("invalid byte sequence", "22021")));
        assertFalse(DatabaseUnavailable.causedBy(new SQLException("syntax error", "42601")));
        assertFalse(DatabaseUnavailable.causedBy(new SQLException("no state, some other message")));
        assertFalse(DatabaseUnavailable.causedBy(new IllegalStateException("a bug")));
        assertFalse(DatabaseUnavailable.causedBy(null));
    }

    @Test
    void aSelfCausedOrDeeplyNestedChainEnds() {
        Throwable deep = new IllegalStateException("bottom");
        for (int i = 0; i < 100; i++) {
            deep = new RuntimeException("level " + i, deep);
        }
        assertFalse(DatabaseUnavailable.causedBy(deep));
    }
}
