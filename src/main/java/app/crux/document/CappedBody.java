package app.crux.document;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read only up to a limit: past it the transfer is cancelled and the
 * fetch refused, so a huge or endless page never fills the server's memory. A body that
 * is not wanted at all (redirects, errors, images) is cancelled without reading it.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final long maxBytes;
    private final boolean wanted;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    CappedBody(long maxBytes, boolean wanted) {
        this.maxBytes = maxBytes;
        this.wanted = wanted;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (wanted && !body.isDone()) {
            subscription.request(Long.MAX_VALUE);
        } else {
            subscription.cancel();
            body.complete(new byte[0]); // no effect when already refused
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if (bytes.size() + (long) buffer.remaining() > maxBytes) {
                subscription.cancel();
                body.completeExceptionally(tooLarge(maxBytes));
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable error) {
        body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        body.complete(bytes.toByteArray());
    }

    static ImportRefused tooLarge(long maxBytes) {
        return new ImportRefused(ImportRefused.Reason.TOO_LARGE, "The page is larger than " + UploadedText.size(maxBytes)
                + "; Crux imports pages up to that size. Paste the part you need instead.");
    }
}
