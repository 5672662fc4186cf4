package app.crux.review;

/**
 * One field of a partial update: absent (keep what is stored) or sent, where a null value
 * clears it. A form or JSON body that does not carry a field must not wipe it.
 */
public record Field<T>(boolean sent, T value) {

    private static final Field<?> ABSENT = new Field<>(false, null);

    @SuppressWarnings("unchecked")
    public static <T> Field<T> absent() {
        return (Field<T>) ABSENT;
    }

    public static <T> Field<T> of(T value) {
        return new Field<>(true, value);
    }

    /** The sent value, or {@code stored} when the field was absent. */
    public T or(T stored) {
        return sent ? value : stored;
    }
}
