package app.crux.exchange;

import app.crux.exchange.ExportFile.ClaimRecord;
import app.crux.exchange.ExportFile.DocumentRecord;
import app.crux.exchange.ExportFile.EvidenceRecord;
import app.crux.exchange.ExportFile.ExcerptRecord;
import app.crux.exchange.ExportFile.RevisionRecord;
import app.crux.web.BadInput;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an export file before anything is stored, and refuses it at the first bad record
 * with that record's JSON path and the reason: the same rules the schema enforces (so the
 * database never has to say it, in words nobody can act on), plus the references between
 * records (an excerpt's quote must be the text at its offsets, a claim's tags must exist).
 */
final class ImportValidator {

    private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,39}$");
    private static final Pattern TAG = Pattern.compile("^[a-z0-9][a-z0-9-]{0,59}$");
    private static final Set<String> ROLES = Set.of("EDITOR", "REVIEWER", "ADMIN");
    private static final Set<String> KINDS = Set.of("ARTICLE", "STUDY", "REVIEW", "GUIDELINE", "TRANSCRIPT", "OTHER");
    private static final Set<String> STATUSES = Set.of("DRAFT", "PUBLISHED", "MERGED", "RETRACTED");
    private static final Set<String> STANCES = Set.of("SUPPORTS", "CONFLICTS");
    private static final Set<String> STRENGTHS = Set.of("HIGH", "MODERATE", "LOW", "VERY_LOW");

    private ImportValidator() {
    }

    static void check(ExportFile file) {
        require(file != null, "$", "the body is empty; send an export document");
        require(ExportFile.FORMAT.equals(file.format()), "$.format",
                "expected \"" + ExportFile.FORMAT + "\", got " + quoted(file.format()));
        Set<String> users = new HashSet<>();
        List<ExportFile.UserRecord> userList = list(file.users());
        for (int i = 0; i < userList.size(); i++) {
            var u = userList.get(i);
            String at = "$.users[" + i + "]";
            require(u != null, at, "null record");
            require(u.username() != null && USERNAME.matcher(u.username()).matches(), at + ".username",
                    "2 to 40 of a-z 0-9 . _ -, starting with a letter or digit");
            require(users.add(u.username()), at + ".username", "'" + u.username() + "' appears twice");
            require(u.displayName() != null && !u.displayName().isEmpty() && u.displayName().length() <= 120,
                    at + ".displayName", "1 to 120 characters");
            for (String role : list(u.roles())) {
                require(ROLES.contains(role), at + ".roles", "unknown role " + quoted(role));
            }
        }
        Set<String> tags = new HashSet<>();
        List<ExportFile.TagRecord> tagList = list(file.tags());
        for (int i = 0; i < tagList.size(); i++) {
            var t = tagList.get(i);
            String at = "$.tags[" + i + "]";
            require(t != null && t.slug() != null && TAG.matcher(t.slug()).matches(), at + ".slug",
                    "1 to 60 of a-z 0-9 -, starting with a letter or digit");
            require(tags.add(t.slug()), at + ".slug", "'" + t.slug() + "' appears twice");
            require(t.name() != null && !t.name().isEmpty() && t.name().length() <= 60, at + ".name", "1 to 60 characters");
        }
        Map<String, Set<Long>> excerptsOf = new HashMap<>();
        Set<Long> excerptIds = new HashSet<>();
        List<DocumentRecord> documents = list(file.documents());
        for (int i = 0; i < documents.size(); i++) {
            document(documents.get(i), "$.documents[" + i + "]", excerptsOf, excerptIds);
        }
        Set<String> claims = new HashSet<>();
        List<ClaimRecord> claimList = list(file.claims());
        for (int i = 0; i < claimList.size(); i++) {
            ClaimRecord c = claimList.get(i);
            require(c != null && c.slug() != null && !c.slug().isBlank(), "$.claims[" + i + "].slug", "missing");
            require(claims.add(c.slug()), "$.claims[" + i + "].slug", "'" + c.slug() + "' appears twice");
        }
        for (int i = 0; i < claimList.size(); i++) {
            claim(claimList.get(i), "$.claims[" + i + "]", claims, tags, excerptsOf, users, file.users() != null);
        }
        List<ExportFile.AuditRecord> audit = list(file.audit());
        for (int i = 0; i < audit.size(); i++) {
            var a = audit.get(i);
            String at = "$.audit[" + i + "]";
            require(a != null && a.action() != null && !a.action().isBlank(), at + ".action", "missing");
            require(a.entityType() != null && !a.entityType().isBlank(), at + ".entityType", "missing");
            require(a.actorName() != null && !a.actorName().isBlank(), at + ".actorName", "missing");
            require(a.occurredAt() != null, at + ".occurredAt", "missing");
        }
    }

    private static void document(DocumentRecord d, String at, Map<String, Set<Long>> excerptsOf, Set<Long> excerptIds) {
        require(d != null, at, "null record");
        require(d.slug() != null && !d.slug().isBlank() && d.slug().length() <= 300, at + ".slug", "missing");
        require(!excerptsOf.containsKey(d.slug()), at + ".slug", "'" + d.slug() + "' appears twice");
        require(d.title() != null && !d.title().isBlank() && d.title().length() <= 300, at + ".title", "1 to 300 characters");
        require(d.kind() != null && KINDS.contains(d.kind()), at + ".kind", "one of " + KINDS + ", got " + quoted(d.kind()));
        require(d.currentRevision() >= 1, at + ".currentRevision", "at least 1");
        Map<Integer, String> bodies = new HashMap<>();
        List<RevisionRecord> revisions = list(d.revisions());
        for (int j = 0; j < revisions.size(); j++) {
            RevisionRecord r = revisions.get(j);
            String rat = at + ".revisions[" + j + "]";
            require(r != null && r.revision() >= 1, rat + ".revision", "at least 1");
            require(r.body() != null && !r.body().isEmpty(), rat + ".body", "missing");
            require(bodies.put(r.revision(), r.body()) == null, rat + ".revision", "revision " + r.revision() + " appears twice");
        }
        if (d.body() != null) {
            require(d.body().equals(bodies.get(d.currentRevision())), at + ".body",
                    "differs from revision " + d.currentRevision() + " (currentRevision) in revisions");
        } else {
            require(bodies.isEmpty(), at + ".revisions", "a citation-only source (no body) has no revisions");
        }
        Set<Long> mine = new HashSet<>();
        List<ExcerptRecord> excerpts = list(d.excerpts());
        for (int j = 0; j < excerpts.size(); j++) {
            ExcerptRecord x = excerpts.get(j);
            String xat = at + ".excerpts[" + j + "]";
            require(x != null && excerptIds.add(x.id()), xat + ".id", "missing or appears twice");
            require(x.start() >= 0 && x.end() > x.start(), xat + ".end", "0 <= start < end, got start " + x.start()
                    + ", end " + x.end());
            require(x.exact() != null && !x.exact().isEmpty(), xat + ".exact", "missing");
            String text = bodies.get(x.revision());
            require(text != null, xat + ".revision", "the document has no revision " + x.revision());
            if (!x.orphaned()) {
                require(x.end() <= text.length() && text.substring(x.start(), x.end()).equals(x.exact()), xat + ".exact",
                        "is not the text at " + x.start() + ".." + x.end() + " of revision " + x.revision());
            }
            mine.add(x.id());
        }
        excerptsOf.put(d.slug(), mine);
    }

    private static void claim(ClaimRecord c, String at, Set<String> claims, Set<String> tags,
            Map<String, Set<Long>> excerptsOf, Set<String> users, boolean hasUsers) {
        require(c.statement() != null && c.statement().length() >= 3 && c.statement().length() <= 500,
                at + ".statement", "3 to 500 characters");
        require(c.status() != null && STATUSES.contains(c.status()), at + ".status",
                "one of " + STATUSES + ", got " + quoted(c.status()));
        boolean merged = "MERGED".equals(c.status());
        require(merged == (c.mergedInto() != null), at + ".mergedInto", merged ? "a merged claim names the claim it went into"
                : "only a MERGED claim has mergedInto");
        if (merged) {
            require(claims.contains(c.mergedInto()) && !c.mergedInto().equals(c.slug()), at + ".mergedInto",
                    "no other claim '" + c.mergedInto() + "' in claims");
        }
        for (String tag : list(c.tags())) {
            require(tags.contains(tag), at + ".tags", "tag '" + tag + "' is not in tags");
        }
        Set<String> cited = new HashSet<>();
        List<EvidenceRecord> evidence = list(c.evidence());
        for (int k = 0; k < evidence.size(); k++) {
            EvidenceRecord e = evidence.get(k);
            String eat = at + ".evidence[" + k + "]";
            require(e != null && e.document() != null && excerptsOf.containsKey(e.document()), eat + ".document",
                    "no document '" + (e == null ? null : e.document()) + "' in documents");
            require(e.excerpt() == null || excerptsOf.get(e.document()).contains(e.excerpt()), eat + ".excerpt",
                    "no excerpt " + e.excerpt() + " in document '" + e.document() + "'");
            require(cited.add(e.document() + "#" + e.excerpt()), eat, "the same passage is cited twice for this claim");
            require(e.stance() != null && STANCES.contains(e.stance()), eat + ".stance", "SUPPORTS or CONFLICTS, got "
                    + quoted(e.stance()));
            Set<String> reviewers = new HashSet<>();
            List<ExportFile.VoteRecord> votes = list(e.votes());
            for (int v = 0; v < votes.size(); v++) {
                var vote = votes.get(v);
                String vat = eat + ".votes[" + v + "]";
                require(vote != null && vote.reviewer() != null && reviewers.add(vote.reviewer()), vat + ".reviewer",
                        "missing or the same reviewer twice");
                require(!hasUsers || users.contains(vote.reviewer()), vat + ".reviewer",
                        "'" + vote.reviewer() + "' is not in users");
                require(vote.strength() != null && STRENGTHS.contains(vote.strength()), vat + ".strength",
                        "one of " + STRENGTHS + ", got " + quoted(vote.strength()));
                require(vote.rationale() == null || vote.rationale().length() <= 2000, vat + ".rationale",
                        "at most 2000 characters");
            }
        }
    }

    static void require(boolean ok, String path, String why) {
        if (!ok) {
            throw refusal(path, why);
        }
    }

    static BadInput refusal(String path, String why) {
        return new BadInput("Nothing was imported: the record at " + path + " is not valid: " + why + ".",
                List.of(path + ": " + why));
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String quoted(String value) {
        return value == null ? "nothing" : "\"" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "\"";
    }
}
