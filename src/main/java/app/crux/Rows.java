package app.crux;

import jakarta.persistence.Query;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

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

    /** A record type's components and canonical constructor, looked up once per type: pages map hundreds of rows. */
    private record Shape(RecordComponent[] components, Constructor<?> constructor) {
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return new Shape(components, constructor);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("No canonical constructor in " + type.getSimpleName(), e);
            }
        }
    };

    static <R extends Record> R of(Object row, Class<R> type) {
        Object[] values = row instanceof Object[] array ? array : new Object[] {row};
        Shape shape = SHAPES.get(type);
        RecordComponent[] components = shape.components();
        if (values.length != components.length) {
            throw new IllegalStateException(type.getSimpleName() + " has " + components.length + " components; the row has "
                    + values.length + " columns");
        }
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            arguments[i] = convert(values[i], components[i].getType(), type, components[i].getName());
        }
        try {
            return type.cast(shape.constructor().newInstance(arguments));
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + type.getSimpleName() + " from a row", e);
        }
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
