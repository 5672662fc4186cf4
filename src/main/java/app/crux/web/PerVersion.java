package app.crux.web;

import java.util.function.Supplier;

/**
 * One value read from the database, kept while the data's version stays the same. Two reads at the
 * same version see the same rows ({@link DataVersion}), so the kept value is never stale; any commit
 * moves the version and the next request reads it again. Holds immutable values only (records, not
 * entities): many request threads share it.
 */
public final class PerVersion<T> {

    private record Kept<T>(String tag, T value) {
    }

    private volatile Kept<T> kept;

    /** The value for {@code version}, loaded when the kept one is of another version; {@code version} null: loaded, not kept. */
    public T get(DataVersion.Version version, Supplier<T> load) {
        if (version == null) {
            return load.get();
        }
        Kept<T> current = kept;
        if (current != null && current.tag().equals(version.tag())) {
            return current.value();
        }
        T value = load.get();
        kept = new Kept<>(version.tag(), value);
        return value;
    }
}
