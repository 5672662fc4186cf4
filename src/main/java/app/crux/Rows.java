package app.crux;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.hibernate.engine.jdbc.spi.JdbcCoordinator;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.resource.jdbc.ResourceRegistry;
import org.postgresql.PGStatement;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Native query rows as records: the SELECT list, in order, fills the record's components, each
 * value converted to the component's type (numbers to long, int, double or BigDecimal, text to
 * an enum constant). Reading {@code ((Number) r[3]).intValue()} by position in every finder
 * broke silently when a column moved; here a column count or type that does not fit the record
 * fails loudly, naming both.
 */
public final class Rows {

    private Rows() {
    }

    /** Every row of a native query as a {@code type}. */
    public static <R extends Record> List<R> list(Query query, Class<R> type) {
        List<?> rows = query.getResultList();
        List<R> records = new ArrayList<>(rows.size());
        for (Object row : rows) {
            records.add(of(row, type));
        }
        return records;
    }

    /** The one row a native query returns (an aggregate, say) as a {@code type}. */
    public static <R extends Record> R single(Query query, Class<R> type) {
        return of(query.getSingleResult(), type);
    }

    /** A {@code SELECT count(*)}: PostgreSQL answers a bigint, which the driver may box as any Number. */
    public static long count(Query query) {
        return ((Number) query.getSingleResult()).longValue();
    }

    /**
     * Every row of {@code sql} (positional {@code ?} parameters) as a {@code type}, read with plain JDBC on
     * the session's connection: for the hottest read models of reader pages. A native query through
     * Hibernate spent more CPU than the database did on these (resolving the result set's shape, one
     * extractor per value: 12 % of /contested's samples, 4 % for the one-row version query); here the
     * statement still goes through the session's JDBC coordinator, so it is counted in Hibernate's
     * statistics (StatementCountTest), uses the same connection and transaction, and is released with
     * them. Within a transaction it flushes the session first, as Hibernate does before a native query.
     * Parameters: String, Long, Integer, Boolean, a {@code Collection<Long>} (a {@code bigint[]}, for
     * {@code = ANY (?)}), or null (bound as text, for {@code CAST(? AS text)}).
     */
    public static <R extends Record> List<R> select(EntityManager em, Class<R> type, String sql, Object... parameters) {
        return select(em, type, sql, false, parameters);
    }

    /**
     * As {@link #select}, but planned for the values every time. The driver turns a statement it has run five
     * times into a server-side prepared one, and PostgreSQL may then plan it once for any value: for full-text
     * search that generic plan guesses a few matches, so a word every document has was answered by reading all
     * of them (30 ms instead of 21 on the large bench set, growing with the documents). Planning costs a few
     * tenths of a millisecond; use this where the best plan depends on the values.
     */
    public static <R extends Record> List<R> selectPlanned(EntityManager em, Class<R> type, String sql, Object... parameters) {
        return select(em, type, sql, true, parameters);
    }

    private static <R extends Record> List<R> select(EntityManager em, Class<R> type, String sql, boolean planEachTime,
            Object... parameters) {
        SharedSessionContractImplementor session = em.unwrap(SharedSessionContractImplementor.class);
        if (session.isTransactionInProgress()) {
            session.flush();   // within a write, see its pending changes, as a native query through Hibernate would
        }
        JdbcCoordinator jdbc = session.getJdbcCoordinator();
        PreparedStatement statement = jdbc.getStatementPreparer().prepareStatement(sql);
        ResultSet rows = null;
        try {
            if (planEachTime) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(0);   // 0: never a server-side prepared statement
            }
            bindAll(statement, parameters);
            rows = jdbc.getResultSetReturn().extract(statement, sql);
            Shape shape = SHAPES.get(type);
            shape.check(type, rows.getMetaData());
            List<R> records = new ArrayList<>();
            while (rows.next()) {
                records.add(shape.read(type, rows));
            }
            return records;
        } catch (SQLException e) {
            throw session.getJdbcServices().getSqlExceptionHelper().convert(e, "Reading " + type.getSimpleName(), sql);
        } finally {
            ResourceRegistry registry = jdbc.getLogicalConnection().getResourceRegistry();
            if (rows != null) {
                registry.release(rows, statement);
            }
            registry.release(statement);
            jdbc.afterStatementExecution();
        }
    }

    /**
     * Runs one INSERT, UPDATE or DELETE on the session's connection, as {@link #select} reads: for the writes
     * every vote and API call makes (the audit event, a token's last use), where persisting an entity cost more
     * CPU than the database's work. It does not flush the session: use it for rows no pending change of the
     * session refers to. Returns the number of rows changed. Parameters as for {@link #select}, and an
     * {@code Instant} (a {@code timestamptz}).
     */
    public static int execute(EntityManager em, String sql, Object... parameters) {
        SharedSessionContractImplementor session = em.unwrap(SharedSessionContractImplementor.class);
        JdbcCoordinator jdbc = session.getJdbcCoordinator();
        PreparedStatement statement = jdbc.getStatementPreparer().prepareStatement(sql);
        try {
            bindAll(statement, parameters);
            return jdbc.getResultSetReturn().executeUpdate(statement, sql);
        } catch (SQLException e) {
            throw session.getJdbcServices().getSqlExceptionHelper().convert(e, "Writing", sql);
        } finally {
            jdbc.getLogicalConnection().getResourceRegistry().release(statement);
            jdbc.afterStatementExecution();
        }
    }

    /** The one row {@code sql} returns as a {@code type}: see {@link #select}. */
    public static <R extends Record> R selectOne(EntityManager em, Class<R> type, String sql, Object... parameters) {
        List<R> rows = select(em, type, sql, parameters);
        if (rows.size() != 1) {
            throw new IllegalStateException(type.getSimpleName() + ": expected one row, the query returned " + rows.size());
        }
        return rows.get(0);
    }

    private static void bindAll(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            bind(statement, i + 1, parameters[i]);
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(index, flag);
        } else if (value instanceof Instant instant) {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
        } else if (value instanceof Collection<?> ids) {
            statement.setArray(index, statement.getConnection().createArrayOf("bigint", ids.toArray()));
        } else {
            throw new IllegalArgumentException("Cannot bind a " + value.getClass().getSimpleName());
        }
    }

    /**
     * A record type's components, canonical constructor and column readers, looked up once per type: pages map
     * hundreds of rows.
     */
    private record Shape(RecordComponent[] components, Constructor<?> constructor, Column[] columns) {

        /**
         * The result's columns against the components, once per query: their number, and text (or a type the
         * driver does not know, such as jsonb) only where text is read, so a number read as text fails here.
         */
        void check(Class<?> type, ResultSetMetaData meta) throws SQLException {
            checkCount(type, meta.getColumnCount());
            for (int i = 0; i < components.length; i++) {
                if (columns[i].readsText() && !isText(meta.getColumnType(i + 1))) {
                    throw mismatch(type, components[i], components[i].getType().getSimpleName() + " but the column is a "
                            + meta.getColumnTypeName(i + 1));
                }
            }
        }

        <R extends Record> R read(Class<R> type, ResultSet rows) throws SQLException {
            Object[] arguments = new Object[columns.length];
            for (int i = 0; i < columns.length; i++) {
                try {
                    arguments[i] = columns[i].read(rows, i + 1);
                } catch (SQLException | RuntimeException e) {
                    throw mismatch(type, components[i], components[i].getType().getSimpleName() + " but the column does not hold one: "
                            + e.getMessage());
                }
                if (arguments[i] == null && components[i].getType().isPrimitive()) {
                    throw mismatch(type, components[i], components[i].getType() + " but the column is null");
                }
            }
            return construct(type, this, arguments);
        }

        void checkCount(Class<?> type, int columnCount) {
            if (columnCount != components.length) {
                throw new IllegalStateException(type.getSimpleName() + " has " + components.length + " components; the row has "
                        + columnCount + " columns");
            }
        }
    }

    private static IllegalStateException mismatch(Class<?> type, RecordComponent component, String what) {
        return new IllegalStateException(type.getSimpleName() + "." + component.getName() + " is a " + what);
    }

    private static boolean isText(int sqlType) {
        return switch (sqlType) {
            case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR, Types.NCHAR, Types.OTHER -> true;
            default -> false;
        };
    }

    /**
     * How one column becomes one component, with the driver's typed getter. Reading every column with
     * {@code getObject} and converting afterwards made {@link #select} one large method: under load the JIT's
     * optimising compiler spent seconds on it and on {@link #of}, time the page's other hot code waited for
     * (bench/README.md, "Seventh pass"), and a timestamp went through {@code java.sql.Timestamp} and a
     * {@code Calendar}. One small reader per type keeps each compiled piece small.
     */
    private interface Column {
        Object read(ResultSet rows, int index) throws SQLException;

        default boolean readsText() {
            return false;
        }
    }

    /** A text column, made into the component by {@code from} (a String as it is, an enum constant by its name). */
    private record TextColumn(Function<String, Object> from) implements Column {
        @Override
        public Object read(ResultSet rows, int index) throws SQLException {
            String text = rows.getString(index);
            return text == null ? null : from.apply(text);
        }

        @Override
        public boolean readsText() {
            return true;
        }
    }

    /** A primitive getter's value, or null when the column was SQL NULL (the getter answered 0 or false). */
    private static Object orNull(ResultSet rows, Object value) throws SQLException {
        return rows.wasNull() ? null : value;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Column column(Class<?> target) {
        if (target == long.class || target == Long.class) {
            return (rows, i) -> orNull(rows, rows.getLong(i));
        }
        if (target == int.class || target == Integer.class) {
            return (rows, i) -> orNull(rows, rows.getInt(i));
        }
        if (target == double.class || target == Double.class) {
            return (rows, i) -> orNull(rows, rows.getDouble(i));
        }
        if (target == boolean.class || target == Boolean.class) {
            return (rows, i) -> orNull(rows, rows.getBoolean(i));
        }
        if (target == BigDecimal.class) {
            return ResultSet::getBigDecimal;
        }
        if (target == Instant.class) {
            return (rows, i) -> {
                OffsetDateTime time = rows.getObject(i, OffsetDateTime.class);
                return time == null ? null : time.toInstant();
            };
        }
        if (target == LocalDate.class) {
            return (rows, i) -> rows.getObject(i, LocalDate.class);
        }
        if (target == String.class) {
            return new TextColumn(text -> text);
        }
        if (target.isEnum()) {
            return new TextColumn(name -> Enum.valueOf((Class<? extends Enum>) target, name));
        }
        return (rows, i) -> {
            Object value = rows.getObject(i);
            if (value != null && !target.isInstance(value)) {
                throw new IllegalArgumentException("it holds a " + value.getClass().getSimpleName());
            }
            return value;
        };
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Column[] columns = new Column[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                columns[i] = column(types[i]);
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return new Shape(components, constructor, columns);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("No canonical constructor in " + type.getSimpleName(), e);
            }
        }
    };

    private static <R extends Record> R construct(Class<R> type, Shape shape, Object[] arguments) {
        try {
            return type.cast(shape.constructor().newInstance(arguments));
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + type.getSimpleName() + " from a row", e);
        }
    }

    static <R extends Record> R of(Object row, Class<R> type) {
        Object[] values = row instanceof Object[] array ? array : new Object[] {row};
        Shape shape = SHAPES.get(type);
        shape.checkCount(type, values.length);
        RecordComponent[] components = shape.components();
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            arguments[i] = convert(values[i], components[i].getType(), type, components[i].getName());
        }
        return construct(type, shape, arguments);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(Object value, Class<?> target, Class<?> record, String component) {
        if (value == null) {
            if (target.isPrimitive()) {
                throw new IllegalStateException(record.getSimpleName() + "." + component + " is a " + target + " but the column is null");
            }
            return null;
        }
        if (value instanceof Number number) {
            if (target == long.class || target == Long.class) {
                return number.longValue();
            }
            if (target == int.class || target == Integer.class) {
                return number.intValue();
            }
            if (target == double.class || target == Double.class) {
                return number.doubleValue();
            }
            if (target == BigDecimal.class) {
                return number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
            }
        }
        if (target == LocalDate.class && value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (target == Instant.class) {
            if (value instanceof Timestamp timestamp) {
                return timestamp.toInstant();
            }
            if (value instanceof OffsetDateTime time) {
                return time.toInstant();
            }
        }
        if (target.isEnum() && value instanceof String name) {
            return Enum.valueOf((Class<? extends Enum>) target, name);
        }
        if (target == boolean.class && value instanceof Boolean) {
            return value;
        }
        if (!target.isInstance(value)) {
            throw new IllegalStateException(record.getSimpleName() + "." + component + " is a " + target.getSimpleName()
                    + " but the column holds a " + value.getClass().getSimpleName());
        }
        return value;
    }
}
