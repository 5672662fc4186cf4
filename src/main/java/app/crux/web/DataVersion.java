package app.crux.web;

import java.time.Instant;

/**
 * What reader caching asks the database, in one cheap query: a tag that changes whenever any data
 * may have changed, and when the data last changed. Implemented by the audit feature (every write
 * leaves an audit event), so {@code web} knows no feature's tables.
 */
public interface DataVersion {

    /** @param tag equal for two reads only if they saw the same data; {@code lastChange} null on an empty instance */
    record Version(String tag, Instant lastChange) {
    }

    Version current();
}
