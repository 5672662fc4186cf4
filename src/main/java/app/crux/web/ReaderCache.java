package app.crux.web;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a reader page or public API GET whose answer depends only on the data and on who asks:
 * {@link ReaderCacheFilter} gives it an ETag, Last-Modified and Cache-Control, and answers a
 * matching If-None-Match with 304 before the resource runs.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ReaderCache {
}
