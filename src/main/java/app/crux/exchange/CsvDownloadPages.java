package app.crux.exchange;

import app.crux.review.BlindRating;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Spreadsheet downloads of published claims with their scores, and of evidence with its vote
 * tallies and (where the viewer may see them) each reviewer's rating: UTF-8 with a byte-order
 * mark so spreadsheet programs read the accents right. The blind-rating rule holds here as on
 * the pages: a reviewer's download leaves blank what they have not yet earned to see.
 */
@Path("/downloads")
public class CsvDownloadPages {

    static final String CSV = "text/csv;charset=UTF-8";
    private static final int PAGE = 500;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    @Inject
    ExchangeRows rows;

    @Inject
    BlindRating blind;

    @GET
    @Path("claims.csv")
    @PermitAll
    @Produces(CSV)
    public Response claims() {
        StringBuilder out = new StringBuilder("\uFEFF");
        try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
            csv.printRecord("slug", "statement", "tags", "verdict", "support_weight", "conflict_weight", "support_count",
                    "conflict_count", "vote_count", "contestedness");
            long last = 0;
            for (var page = rows.published(last, PAGE, false); !page.isEmpty(); page = rows.published(last, PAGE, false)) {
                for (var c : page) {
                    boolean sees = blind.maySeeClaim(c.id());
                    csv.printRecord(cell(c.slug()), cell(c.statement()), cell(c.tags()), sees ? c.verdict() : "",
                            sees ? c.supportWeight() : "", sees ? c.conflictWeight() : "", c.supportCount(), c.conflictCount(),
                            sees ? c.voteCount() : "", sees ? c.contestedness() : "");
                    last = c.id();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return download(out, "crux-claims.csv");
    }

    /** One "evidence" row per item with its tally, followed by its "rating" rows (one per reviewer) where visible. */
    @GET
    @Path("evidence.csv")
    @PermitAll
    @Produces(CSV)
    public Response evidence() {
        StringBuilder out = new StringBuilder("\uFEFF");
        try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
            csv.printRecord("row", "evidence_id", "claim", "statement", "stance", "document", "passage", "population",
                    "study_type", "weight", "high", "moderate", "low", "very_low", "disputes", "reviewer", "strength",
                    "disputes_stance", "rationale");
            long last = 0;
            for (var page = rows.evidence(last, PAGE); !page.isEmpty(); page = rows.evidence(last, PAGE)) {
                List<Long> visible = page.stream().map(ExchangeRows.EvidenceRow::id).filter(blind::maySee).toList();
                var votes = rows.votes(visible);
                for (var e : page) {
                    boolean sees = blind.maySee(e.id());
                    csv.printRecord("evidence", e.id(), cell(e.claimSlug()), cell(e.statement()), e.stance(),
                            cell(e.documentSlug()), cell(e.exact()), cell(e.population()), cell(e.studyType()),
                            sees ? e.weight() : "", sees ? e.high() : "", sees ? e.moderate() : "", sees ? e.low() : "",
                            sees ? e.veryLow() : "", sees ? e.disputes() : "", "", "", "", "");
                    for (var v : votes) {
                        if (v.evidenceId() == e.id()) {
                            csv.printRecord("rating", e.id(), cell(e.claimSlug()), "", "", "", "", "", "", "", "", "", "", "",
                                    "", cell(v.reviewer()), v.strength(), v.disputesStance(), cell(v.rationale()));
                        }
                    }
                    last = e.id();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return download(out, "crux-evidence.csv");
    }

    private static Response download(StringBuilder body, String name) {
        return Response.ok(body.toString()).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    /**
     * A text cell a spreadsheet will not run: one starting with = + - @ (or a tab or return) is a
     * formula to Excel and LibreOffice, so it gets a leading apostrophe (OWASP "CSV injection").
     */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
