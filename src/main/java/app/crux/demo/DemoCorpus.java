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
import app.crux.document.anchoring.TextNormalizer;
import app.crux.evidence.EvidenceService;
import app.crux.evidence.Stance;
import app.crux.review.ReviewService;
import app.crux.score.Strength;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the bundled demo corpus (invented texts: demo/corpus.json and demo/documents/) into a
 * database without documents, when {@code crux.demo.load-on-empty} is on (it is in dev mode),
 * so a first run shows contested claims instead of empty pages. Everything goes through the
 * same services as real edits, audit trail included: documents are imported, claims created,
 * passages attached, rated by four demo reviewers, then one document is revised (one passage
 * changes, one is orphaned), one claim merged into its duplicate and one retracted, as an
 * editor would.
 */
@ApplicationScoped
public class DemoCorpus {

    private static final Logger LOG = Logger.getLogger(DemoCorpus.class);
    private static final String ROOT = "/demo/";

    /** What corpus.json holds; see its "note" for the vote notation. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Corpus(List<String> reviewers, List<DocumentSpec> documents, List<ClaimSpec> claims) {
        public DocumentSpec document(String key) {
            return documents.stream().filter(d -> d.key().equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("demo/corpus.json: no document '" + key + "'"));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DocumentSpec(String key, String file, String title, Kind kind, String publisher, LocalDate published,
            String revisedFile) {
        public String text() {
            return TextNormalizer.normalize(resource("documents/" + file));
        }

        public String revisedText() {
            return revisedFile == null ? null : TextNormalizer.normalize(resource("documents/" + revisedFile));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ClaimSpec(String key, String statement, List<String> tags, List<EvidenceSpec> evidence, String mergeInto,
            boolean retract) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EvidenceSpec(String doc, Stance stance, String exact, String population, String intervention,
            String comparison, String outcome, String studyType, String votes) {

        public EvidenceService.Context context() {
            return new EvidenceService.Context(population, intervention, comparison, outcome, studyType);
        }

        /** One strength per reviewer, in the order of {@link Corpus#reviewers()}; null where that reviewer did not vote. */
        public List<Strength> strengths() {
            List<Strength> strengths = new ArrayList<>();
            for (String letter : votes.trim().split("\\s+")) {
                strengths.add(switch (letter) {
                    case "H" -> Strength.HIGH;
                    case "M" -> Strength.MODERATE;
                    case "L" -> Strength.LOW;
                    case "V" -> Strength.VERY_LOW;
                    case "-" -> null;
                    default -> throw new IllegalStateException("demo/corpus.json: unknown vote '" + letter + "'");
                });
            }
            return strengths;
        }
    }

    /** What a load did, for the start-up log and the tests. */
    public record Loaded(int documents, int claims, int evidence, int votes, int merged, int retracted, int revised) {
    }

    @Inject
    CruxConfig config;

    @Inject
    AccountService accounts;

    @Inject
    DocumentService documents;

    @Inject
    ClaimService claims;

    @Inject
    app.crux.claim.MergeService merges;

    @Inject
    EvidenceService evidence;

    @Inject
    ReviewService reviews;

    @Inject
    EntityManager em;

    /** What the load at this start did, for the start-up banner; null when nothing was loaded. */
    private volatile Loaded loadedAtStart;

    void onStart(@Observes StartupEvent event) {
        if (config.demo().loadOnEmpty()) {
            loadedAtStart = loadIfEmpty().orElse(null);
        }
    }

    /** Loads the corpus when there are no documents; answers what it loaded, or empty when it left the database alone. */
    @Transactional
    @TransactionConfiguration(timeout = 600)
    @ActivateRequestContext
    public Optional<Loaded> loadIfEmpty() {
        if (Document.count() > 0) {
            return Optional.empty();
        }
        return Optional.of(loadNow());
    }

    public Optional<Loaded> loadedAtStart() {
        return Optional.ofNullable(loadedAtStart);
    }

    /**
     * One transaction, so a failed load leaves nothing half-done, with a timeout well past the
     * default minute: a loaded two-core machine needs most of one for some 300 ratings, each of
     * which recomputes its claim's score as a reviewer's would.
     */
    @Transactional
    @TransactionConfiguration(timeout = 600)
    @ActivateRequestContext
    public Loaded load() {
        return loadNow();
    }

    /** Not intercepted (the timeout may only be set where the transaction begins): runs in its caller's transaction. */
    private Loaded loadNow() {
        Corpus corpus = corpus();
        List<Long> reviewers = new ArrayList<>();
        for (String name : corpus.reviewers()) {
            reviewers.add(User.findByUsername(name).map(u -> u.id).orElseGet(() -> demoReviewer(name)));
        }
        Map<String, Long> documentIds = new LinkedHashMap<>();
        for (DocumentSpec d : corpus.documents()) {
            documentIds.put(d.key(), documents.create(new DocumentService.NewDocument(d.title(), null, null, d.publisher(),
                    d.published(), d.kind(), d.text())).id);
        }
        Map<String, Long> claimIds = new LinkedHashMap<>();
        int attached = 0;
        int votes = 0;
        for (ClaimSpec c : corpus.claims()) {
            long claimId = claims.create(new ClaimService.NewClaim(c.statement(), c.tags(), null)).claim().id;
            claimIds.put(c.key(), claimId);
            for (EvidenceSpec e : c.evidence()) {
                long evidenceId = evidence.attach(claimId, new EvidenceService.NewEvidence(documentIds.get(e.doc()), e.stance(),
                        Passage.quote(e.exact(), null, null), null, e.context())).id;
                attached++;
                List<Strength> strengths = e.strengths();
                for (int r = 0; r < strengths.size(); r++) {
                    if (strengths.get(r) != null) {
                        reviews.vote(evidenceId, reviewers.get(r), ReviewService.Ballot.of(strengths.get(r), false, null));
                        votes++;
                    }
                }
            }
            // only ids are kept between claims: a small persistence context keeps every flush cheap
            em.flush();
            em.clear();
        }
        // what an editor does later in a corpus's life, so those pages have something to show
        int merged = 0;
        int retracted = 0;
        for (ClaimSpec c : corpus.claims()) {
            if (c.mergeInto() != null) {
                merges.merge(claimIds.get(c.key()), claimIds.get(c.mergeInto()), java.util.Map.of());
                merged++;
            }
            if (c.retract()) {
                claims.retract(claimIds.get(c.key()));
                retracted++;
            }
        }
        int revised = 0;
        for (DocumentSpec d : corpus.documents()) {
            if (d.revisedFile() != null) {
                documents.revise(documentIds.get(d.key()), d.revisedText());
                revised++;
            }
        }
        Loaded loaded = new Loaded(documentIds.size(), claimIds.size(), attached, votes, merged, retracted, revised);
        LOG.infof("Loaded the demo corpus: %d documents, %d claims (%d merged, %d retracted), %d evidence items, %d ratings.",
                loaded.documents(), loaded.claims(), merged, retracted, attached, votes);
        return loaded;
    }

    /** The bundled corpus as written, for the loader and for tests that check it against the database. */
    public static Corpus corpus() {
        try {
            return new ObjectMapper().findAndRegisterModules().readValue(resource("corpus.json"), Corpus.class);
        } catch (IOException e) {
            throw new UncheckedIOException("demo/corpus.json cannot be read", e);
        }
    }

    /**
     * Demo reviewers exist only to own the demo ratings: disabled, with a random password
     * nobody knows, because nobody is meant to sign in as them (the enabled demo accounts
     * are DemoAccounts'); the ratings still count, as a departed reviewer's would.
     */
    private long demoReviewer(String username) {
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        User user = accounts.create(new AccountService.NewUser(username, username.replace("demo-", "Demo ") + " (demo)",
                HexFormat.of().formatHex(secret), EnumSet.of(Role.REVIEWER)));
        accounts.setEnabled(user.id, false, null);
        return user.id;
    }

    private static String resource(String name) {
        try (InputStream in = DemoCorpus.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("demo/" + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
