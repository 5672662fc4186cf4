package app.crux.document;

import app.crux.document.anchoring.TextAnchor;
import app.crux.document.anchoring.TextNormalizer;
import app.crux.audit.AuditLog;
import app.crux.web.BadInput;
import app.crux.web.Conflict;
import app.crux.web.CurrentUser;
import app.crux.web.Slug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every write to documents: import, revise (with re-anchoring of every excerpt). */
@ApplicationScoped
@Transactional
public class DocumentService {

    /** Normalised text and metadata, ready to store; {@code text} null makes a citation-only source. */
    public record NewDocument(String title, String url, String author, String publisher, LocalDate publishedOn, Kind kind,
            String text) {
    }

    /**
     * A correction of a document's details; a null field stays as it is, a blank one clears it (the title cannot be
     * cleared). {@code otherUrls}: the addresses besides the main one, all of them (null keeps them).
     */
    public record MetadataEdit(int version, String title, String url, List<String> otherUrls, String author, String publisher,
            String publishedOn, Kind kind) {
    }

    /** How many addresses besides its main one a document may carry. */
    public static final int MAX_URLS = 20;

    /** What re-anchoring did to the excerpts of a revised document. */
    public record Revision(Document document, int kept, List<Long> changed, List<Long> orphaned) {
    }

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser currentUser;

    public Document create(NewDocument input) {
        List<String> problems = new ArrayList<>();
        String title = input.title() == null ? "" : input.title().strip().replaceAll("\\s+", " ");
        if (title.isEmpty() || title.length() > 300) {
            problems.add("Title: 1 to 300 characters.");
        }
        String url = optional(input.url(), 2000, "URL", problems);
        if (url != null && !url.matches("(?i)^https?://\\S+$")) {
            problems.add("URL: an http:// or https:// address.");
        }
        String author = optional(input.author(), 300, "Author", problems);
        String publisher = optional(input.publisher(), 300, "Publisher", problems);
        if (!problems.isEmpty()) {
            throw new BadInput("The document could not be imported.", problems);
        }
        DocumentUrls.refuseKnown(url, null);
        String text = input.text();
        String hash = null;
        if (text != null) {
            if (text.isBlank()) {
                throw new BadInput("The document has no text. Leave the text empty only for a citation-only source.");
            }
            hash = TextNormalizer.sha256(text);
            Document existing = Document.findByBodyHash(hash).orElse(null);
            if (existing != null) {
                throw new Conflict("This text is already in Crux as “" + existing.title + "”.",
                        Map.of("existingId", existing.id, "existingSlug", existing.slug));
            }
        }
        Document document = new Document();
        document.title = title;
        document.slug = Slug.unique(title, Document::slugTaken);
        document.url = url;
        document.author = author;
        document.publisher = publisher;
        document.publishedOn = input.publishedOn();
        document.kind = input.kind() == null ? (text == null ? Kind.OTHER : Kind.ARTICLE) : input.kind();
        document.body = text;
        document.bodyHash = hash;
        document.createdBy = actor();
        document.persist();
        if (url != null) {
            DocumentUrls.replace(document.id, List.of(url));
        }
        if (text != null) {
            keepRevision(document);
        }
        audit.record("document.create", "document", document.id,
                (text == null ? "Added source “" : "Imported “") + title + "”", null, describe(document));
        return document;
    }

    /** Replaces the text, keeps the old revision, and re-anchors every excerpt; nothing is dropped. */
    public Revision revise(long documentId, String normalizedText) {
        return revise(documentId, normalizedText, null);
    }

    /**
     * As {@link #revise(long, String)}, refused with 409 (and the current revision) when the editor
     * started from a revision that is no longer current. The document's row is locked first: of two
     * revisions sent at once from the same revision, one is saved and the other is told so.
     */
    public Revision revise(long documentId, String normalizedText, Integer baseRevision) {
        Document document = Document.findById(documentId, LockModeType.PESSIMISTIC_WRITE);
        if (document == null) {
            throw new NotFoundException("No document " + documentId);
        }
        if (baseRevision != null && baseRevision != document.currentRevision) {
            throw new Conflict("Someone saved revision " + document.currentRevision + " while you edited revision "
                    + baseRevision + ". Reload it and make your change again.",
                    Map.of("currentRevision", document.currentRevision));
        }
        if (document.citationOnly()) {
            throw new BadInput("A citation-only source has no text to revise.");
        }
        if (normalizedText == null || normalizedText.isBlank()) {
            throw new BadInput("The new text is empty.");
        }
        String hash = TextNormalizer.sha256(normalizedText);
        if (hash.equals(document.bodyHash)) {
            throw new BadInput("The new text is the same as the current one; nothing to revise.");
        }
        Document other = Document.findByBodyHash(hash).orElse(null);
        if (other != null) {
            throw new Conflict("This text is already in Crux as “" + other.title + "”.",
                    Map.of("existingId", other.id, "existingSlug", other.slug));
        }
        Map<Integer, String> oldTexts = new LinkedHashMap<>();
        oldTexts.put(document.currentRevision, document.body);
        int kept = 0;
        List<Long> changed = new ArrayList<>();
        List<Long> orphaned = new ArrayList<>();
        for (Excerpt excerpt : Excerpt.liveOfDocument(document.id)) {
            String oldText = oldTexts.computeIfAbsent(excerpt.revision, r -> revisionText(document.id, r));
            var selector = new TextAnchor.Selector(excerpt.start, excerpt.end, excerpt.exact, excerpt.prefix, excerpt.suffix);
            TextAnchor.Reanchored result = TextAnchor.reanchor(oldText, normalizedText, selector);
            switch (result.status()) {
                case KEPT -> {
                    move(excerpt, result.selector());
                    excerpt.orphaned = false;
                    kept++;
                }
                case CHANGED -> {
                    // the words editors chose, kept until one of them resolves the change
                    if (excerpt.previousExact == null) {
                        excerpt.previousExact = excerpt.exact;
                    }
                    move(excerpt, result.selector());
                    excerpt.orphaned = false;
                    excerpt.changed = true;
                    changed.add(excerpt.id);
                }
                case ORPHANED -> {
                    // offsets and quote stay as they were, pointing into the revision they came from
                    excerpt.orphaned = true;
                    orphaned.add(excerpt.id);
                }
            }
            if (result.status() != TextAnchor.Status.ORPHANED) {
                excerpt.revision = document.currentRevision + 1;
            }
        }
        document.body = normalizedText;
        document.bodyHash = hash;
        document.currentRevision++;
        document.version++;
        document.updatedAt = Instant.now();
        keepRevision(document);
        audit.record("document.revise", "document", document.id,
                "Revised “" + document.title + "” to revision " + document.currentRevision + ": " + kept + " passage(s) kept, "
                        + changed.size() + " changed, " + orphaned.size() + " orphaned",
                null, Map.of("revision", document.currentRevision, "changed", changed, "orphaned", orphaned));
        return new Revision(document, kept, changed, orphaned);
    }

    /**
     * Corrects the metadata (not the text) of a document, refused with {@link StaleDocument} when {@code version} is
     * not the current one. The row is locked first, as for a revision. Every address must be free: one that another
     * document has is a {@link Conflict} naming that document.
     */
    public Document edit(long documentId, MetadataEdit edit) {
        Document document = Document.findById(documentId, LockModeType.PESSIMISTIC_WRITE);
        if (document == null) {
            throw new NotFoundException("No document " + documentId);
        }
        if (edit.version() != document.version) {
            throw new StaleDocument(document);
        }
        var before = describe(document);
        List<String> oldUrls = DocumentUrls.of(document.id);
        List<String> problems = new ArrayList<>();
        String title = edit.title() == null ? document.title : edit.title().strip().replaceAll("\\s+", " ");
        if (title.isEmpty() || title.length() > 300) {
            problems.add("Title: 1 to 300 characters.");
        }
        String url = edit.url() == null ? document.url : optional(edit.url(), 2000, "URL", problems);
        List<String> urls = new ArrayList<>();
        if (url != null) {
            urls.add(url);
        }
        List<String> others = edit.otherUrls() == null ? oldUrls.stream().filter(u -> !u.equals(document.url)).toList()
                : edit.otherUrls();
        if (others.size() > MAX_URLS) {
            problems.add("Other addresses: at most " + MAX_URLS + ".");
        }
        for (String other : others.stream().limit(MAX_URLS).toList()) {
            String clean = optional(other, 2000, "Other address", problems);
            if (clean != null && !urls.contains(clean)) {
                urls.add(clean);
            }
        }
        for (String u : urls) {
            if (!u.matches("(?i)^https?://\\S+$")) {
                problems.add("URL: an http:// or https:// address (" + (u.length() > 60 ? u.substring(0, 60) + "…" : u) + ").");
            }
        }
        String author = edit.author() == null ? document.author : optional(edit.author(), 300, "Author", problems);
        String publisher = edit.publisher() == null ? document.publisher : optional(edit.publisher(), 300, "Publisher", problems);
        LocalDate publishedOn = edit.publishedOn() == null ? document.publishedOn : date(edit.publishedOn(), problems);
        if (!problems.isEmpty()) {
            throw new BadInput("The document's details were not saved.", problems);
        }
        if (url == null && !urls.isEmpty()) {
            url = urls.get(0);
        }
        for (String u : urls) {
            DocumentUrls.refuseKnown(u, document.id);
        }
        document.title = title;
        document.url = url;
        document.author = author;
        document.publisher = publisher;
        document.publishedOn = publishedOn;
        if (edit.kind() != null) {
            document.kind = edit.kind();
        }
        if (describe(document).equals(before) && urls.equals(oldUrls)) {
            return document;
        }
        document.version++;
        document.updatedAt = Instant.now();
        DocumentUrls.replace(document.id, urls);
        var after = describe(document);
        before.put("urls", oldUrls);
        after.put("urls", urls);
        audit.record("document.edit", "document", document.id, "Edited the details of “" + title + "”", before, after);
        return document;
    }

    private static LocalDate date(String value, List<String> problems) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            problems.add("Publication date: use the form 2024-05-31.");
            return null;
        }
    }

    public Document find(long documentId) {
        return Document.byId(documentId);
    }

    private static void move(Excerpt excerpt, TextAnchor.Selector selector) {
        excerpt.start = selector.start();
        excerpt.end = selector.end();
        excerpt.exact = selector.exact();
        excerpt.prefix = selector.prefix();
        excerpt.suffix = selector.suffix();
    }

    private static String revisionText(long documentId, int revision) {
        return DocumentRevision.of(documentId, revision).map(stored -> stored.body).orElse("");
    }

    private void keepRevision(Document document) {
        DocumentRevision revision = new DocumentRevision();
        revision.documentId = document.id;
        revision.revision = document.currentRevision;
        revision.body = document.body;
        revision.bodyHash = document.bodyHash;
        revision.createdBy = actor();
        revision.persist();
    }

    private Long actor() {
        return currentUser.loggedIn() ? currentUser.id() : null;
    }

    private static String optional(String value, int max, String field, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String clean = value.strip();
        if (clean.length() > max) {
            problems.add(field + ": at most " + max + " characters.");
        }
        return clean;
    }

    static Map<String, Object> describe(Document document) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("title", document.title);
        state.put("slug", document.slug);
        state.put("kind", document.kind.name());
        state.put("url", document.url);
        state.put("author", document.author);
        state.put("publisher", document.publisher);
        state.put("publishedOn", document.publishedOn == null ? null : document.publishedOn.toString());
        state.put("version", document.version);
        state.put("revision", document.currentRevision);
        state.put("bodyHash", document.bodyHash);
        state.put("characters", document.body == null ? 0 : document.body.length());
        return state;
    }
}
