package app.crux.evidence;

import app.crux.web.Enums;
import app.crux.document.anchoring.Passage;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;

import java.util.Arrays;
import java.util.List;

/**
 * What the document page's passage forms send (new claim, or attach to a claim). Its constraints are checked by
 * {@link PassagePages} before anything is written, so a refusal re-shows the form filled in with the messages.
 */
public class PassageForm {

    @RestForm public String statement;
    @RestForm public String tags;
    @RestForm public String claim;
    @RestForm public String stance;
    @RestForm public String exact;
    @RestForm public String prefix;
    @RestForm public String suffix;
    @RestForm public String start;
    @RestForm public String end;
    @RestForm @Size(max = 2000, message = "Note: at most 2000 characters.") public String note;
    @RestForm @Size(max = 200, message = "Population: at most 200 characters.") public String population;
    @RestForm @Size(max = 200, message = "Intervention: at most 200 characters.") public String intervention;
    @RestForm @Size(max = 200, message = "Compared with: at most 200 characters.") public String comparison;
    @RestForm @Size(max = 200, message = "Outcome: at most 200 characters.") public String outcome;
    @RestForm @Size(max = 200, message = "Study type: at most 200 characters.") public String studyType;
    /** Where to go once attached (a same-site path): the claim page's passage finder sends the editor back there. */
    @RestForm public String back;
    /** Set when the editor has seen the similar claims and still wants a new one. */
    @RestForm public String confirm;

    public Passage passage() {
        return new Passage(number(start), number(end), exact, prefix, suffix);
    }

    public EvidenceService.Context context() {
        return new EvidenceService.Context(population, intervention, comparison, outcome, studyType);
    }

    public List<String> tagList() {
        return tags == null ? List.of() : Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    /** Unfolds the "words before and after" part when the form comes back holding some. */
    public boolean hasContextWords() {
        return filled(prefix) || filled(suffix);
    }

    /** Unfolds the optional context part when the form comes back holding some. */
    public boolean hasContext() {
        return filled(population) || filled(intervention) || filled(comparison) || filled(outcome) || filled(studyType);
    }

    private static boolean filled(String value) {
        return value != null && !value.isBlank();
    }

    public boolean confirmed() {
        return confirm != null && !confirm.isBlank();
    }

    public Stance stanceOrNull() {
        return Enums.parse(Stance.class, stance).orElse(null);
    }

    private static Integer number(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
