package app.crux.reading;

import app.crux.document.Kind;
import app.crux.evidence.EvidencePaths;
import app.crux.evidence.Stance;
import app.crux.review.ReviewPaths;
import io.quarkus.qute.TemplateData;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One evidence item as a claim's page and its JSON read it: the item's columns with its document's and its
 * passage's, from one row (ClaimView.rows). No entity: a claim page shows twenty of them, and loading them as
 * Hibernate entities with their documents and passages was a quarter of the page's time.
 *
 * @param excerpt the quoted passage, null when the item cites the whole document
 */
@TemplateData
public record EvidenceItem(long id, long claimId, Stance stance, BigDecimal weight, int voteCount, int version, String note,
        String population, String intervention, String comparison, String outcome, String studyType, Source document,
        Passage excerpt) {

    /** The document the item comes from, as a card names it. */
    @TemplateData
    public record Source(long id, String slug, String title, Kind kind, LocalDate publishedOn, String url) {
    }

    /** The passage quoted, with the words around it and what became of it after revisions. */
    @TemplateData
    public record Passage(long id, int start, int end, String exact, String prefix, String suffix, boolean orphaned,
            boolean changed, boolean retired) {
    }

    /** Whether any context field is filled in: the correction form opens its context part then. */
    public boolean hasContext() {
        return population != null || intervention != null || comparison != null || outcome != null || studyType != null;
    }

    /** Prefix of the ids in this item's correction form, unique on the claim page. */
    public String formKey() {
        return "evidence-" + id + "-edit";
    }

    public String editPath() {
        return EvidencePaths.edit(id);
    }

    public String detachPath() {
        return EvidencePaths.detach(id);
    }

    public String votePath() {
        return ReviewPaths.vote(id);
    }

    public String withdrawPath() {
        return ReviewPaths.withdraw(id);
    }

    public String sourcePath() {
        return EvidencePaths.source(document.slug(), excerpt == null ? null : excerpt.id());
    }
}
