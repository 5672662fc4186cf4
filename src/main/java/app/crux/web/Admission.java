package app.crux.web;

import app.crux.CruxConfig;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps Crux answering quickly when more requests arrive than it can work on. Queued requests
 * would all get slower together until every one of them times out in the browser; instead at most
 * {@code crux.http.max-concurrent-requests} are worked on at once and the rest are answered 503
 * with {@code Retry-After} straight away. A request still unanswered after
 * {@code crux.http.request-timeout} is answered 503 too, so nobody waits longer than that; its
 * work goes on (a thread cannot be stopped safely mid-transaction), so that answer does not claim
 * that nothing was saved.
 * Health checks and static files are never refused: a load balancer must see the instance alive.
 */
@ApplicationScoped
public class Admission {

    private static final Logger LOG = Logger.getLogger(Admission.class);
    static final String TITLE = "Crux is busy";
    static final String MESSAGE = "Crux has more requests than it can answer just now. Nothing was saved; try again in a moment.";
    /** A timed-out request was admitted and keeps running: a change it makes may still be saved after this answer. */
    static final String TIMEOUT_MESSAGE = "Crux did not finish this request within %s. It may still be working on it: "
            + "if you were saving something, look whether it was saved before you send it again.";
    private static final int RETRY_AFTER_SECONDS = 1;

    @Inject
    CruxConfig config;

    @Inject
    Vertx vertx;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();

    /** Right after PathGuard, ahead of authentication: a refused request costs no database work. */
    void install(@Observes Router router) {
        router.route().order(PathGuard.ORDER + 1).handler(this::admit);
    }

    private void admit(RoutingContext context) {
        if (exempt(context.request().path())) {
            context.next();
            return;
        }
        if (inFlight.incrementAndGet() > config.http().maxConcurrentRequests()) {
            inFlight.decrementAndGet();
            if (refused.incrementAndGet() % 1000 == 1) {
                LOG.warnf("Busy: %d requests in flight, refusing more with 503 (%d so far)",
                        config.http().maxConcurrentRequests(), refused.get());
            }
            busy(context, MESSAGE);
            return;
        }
        long timer = vertx.setTimer(config.http().requestTimeout().toMillis(), id -> {
            if (!context.response().headWritten() && !context.response().closed()) {
                LOG.warnf("No answer within %s to %s %s: answered 503", config.http().requestTimeout(),
                        context.request().method(), context.request().path());
                long seconds = config.http().requestTimeout().toSeconds();
                busy(context, TIMEOUT_MESSAGE.formatted(seconds == 1 ? "1 second" : seconds + " seconds"));
            }
        });
        // the end handler runs once the response is sent, or the connection is gone
        context.addEndHandler(done -> {
            vertx.cancelTimer(timer);
            inFlight.decrementAndGet();
        });
        context.next();
    }

    private static void busy(RoutingContext context, String message) {
        context.response().putHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        boolean json = Requests.wantsJson(context.request())
                || context.request().path().toLowerCase(Locale.ROOT).startsWith("/api");
        ErrorPages.refuseEarly(context, 503, TITLE, message, json);
    }

    static boolean exempt(String path) {
        return path == null || path.startsWith("/q/") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.equals("/favicon.ico") || path.equals("/favicon.svg");
    }
}
