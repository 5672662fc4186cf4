package app.crux.demo;

import app.crux.CruxConfig;
import app.crux.account.AccountService;
import app.crux.account.Role;
import app.crux.account.User;
import app.crux.claim.ClaimService;
import app.crux.document.Document;
import app.crux.document.DocumentService;
import app.crux.document.Kind;
import app.crux.document.anchoring.Passage;
import app.crux.evidence.EvidenceService;
import app.crux.evidence.Stance;
import app.crux.review.ReviewService;
import app.crux.score.Strength;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;

/**
 * Loads the bundled demo corpus (invented texts, see demo/corpus.json) into a database
 * without documents, when {@code crux.demo.load-on-empty} is on (it is in dev mode), so a
 * first run shows contested claims instead of empty pages. Everything goes through the
 * same services as real edits, audit trail included.
 */
@ApplicationScoped
public class DemoCorpus {

    private static final Logger LOG = Logger.getLogger(DemoCorpus.class);

    @Inject
    CruxConfig config;

    @Inject
    AccountService accounts;

    @Inject
    DocumentService documents;

    @Inject
    ClaimService claims;

    @Inject
    EvidenceService evidence;

    @Inject
    ReviewService reviews;

    void onStart(@Observes StartupEvent event) {
        if (config.demo().loadOnEmpty()) {
            loadIfEmpty();
        }
    }

    @Transactional
    @ActivateRequestContext
    public boolean loadIfEmpty() {
        if (Document.count() > 0) {
            return false;
        }
        load();
        return true;
    }

    @Transactional
    @ActivateRequestContext
    public void load() {
        JsonNode corpus = read();
        List<Long> reviewers = new ArrayList<>();
        for (JsonNode name : corpus.get("reviewers")) {
            reviewers.add(User.findByUsername(name.asText()).map(u -> u.id).orElseGet(() -> demoReviewer(name.asText())));
        }
        List<Long> documentIds = new ArrayList<>();
        for (JsonNode d : corpus.get("documents")) {
            documentIds.add(documents.create(new DocumentService.NewDocument(d.get("title").asText(), null, null,
                    d.get("publisher").asText(), null, Kind.valueOf(d.get("kind").asText()), d.get("text").asText())).id);
        }
        for (JsonNode c : corpus.get("claims")) {
            List<String> tags = new ArrayList<>();
            c.get("tags").forEach(t -> tags.add(t.asText()));
            long claimId = claims.create(new ClaimService.NewClaim(c.get("statement").asText(), tags, null)).claim().id;
            for (JsonNode e : c.get("evidence")) {
                var context = new EvidenceService.Context(text(e, "population"), null, null, text(e, "outcome"), text(e, "studyType"));
                long evidenceId = evidence.attach(claimId, new EvidenceService.NewEvidence(documentIds.get(e.get("document").asInt()),
                        Stance.valueOf(e.get("stance").asText()), Passage.quote(e.get("exact").asText(), null, null), null, context)).id;
                int reviewer = 0;
                for (JsonNode vote : e.get("votes")) {
                    reviews.vote(evidenceId, reviewers.get(reviewer++ % reviewers.size()),
                            ReviewService.Ballot.of(Strength.valueOf(vote.asText()), false, null));
                }
            }
        }
        LOG.infof("Loaded the demo corpus: %d documents, %d claims.", documentIds.size(), corpus.get("claims").size());
    }

    /** Demo reviewers exist only to own the demo votes: disabled, with a password nobody knows. */
    private long demoReviewer(String username) {
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        User user = accounts.create(new AccountService.NewUser(username, username.replace("demo-", "Demo ") + " (demo)",
                HexFormat.of().formatHex(secret), EnumSet.of(Role.REVIEWER)));
        accounts.setEnabled(user.id, false, null);
        return user.id;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static JsonNode read() {
        try (InputStream in = DemoCorpus.class.getResourceAsStream("/demo/corpus.json")) {
            if (in == null) {
                throw new IllegalStateException("demo/corpus.json is missing from the classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
