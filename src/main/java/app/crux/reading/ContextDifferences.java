package app.crux.reading;


import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Why the two sides of a claim may disagree: for every context field (population, intervention,
 * comparison, outcome measured, study type) on which they differ, what each side recorded; the
 * cards of both sides grouped by those fields; and the evidence that records no context at all.
 * A field differs when its items name at least two values and one of them is named by one side only.
 */
public record ContextDifferences(List<FieldDifference> fields, List<EvidenceItem> withoutContext) {

    static final String NOT_RECORDED = "Context not recorded";

    /** The context fields, in the order the evidence form asks for them. */
    public enum Field {
        POPULATION("Population", EvidenceItem::population),
        INTERVENTION("Intervention", EvidenceItem::intervention),
        COMPARISON("Compared with", EvidenceItem::comparison),
        OUTCOME("Outcome measured", EvidenceItem::outcome),
        STUDY_TYPE("Study type", EvidenceItem::studyType);

        public final String label;
        private final Function<EvidenceItem, String> value;

        Field(String label, Function<EvidenceItem, String> value) {
            this.label = label;
            this.value = value;
        }

        /** The item's value, trimmed; null when not recorded. */
        String of(EvidenceItem e) {
            String v = value.apply(e);
            return v == null || v.isBlank() ? null : v.strip();
        }
    }

    /** One value of a field and how many items of each side recorded it. */
    public record ValueRow(String value, int supports, int conflicts) {
        public boolean oneSided() {
            return supports == 0 || conflicts == 0;
        }
    }

    /** A field on which the sides differ, with every value either side recorded, in first-seen order. */
    public record FieldDifference(Field field, List<ValueRow> values) {
        public String label() {
            return field.label;
        }
    }

    /** A heading of one side's cards and the cards under it. */
    public record Group(String heading, List<EvidenceItem> items) {
    }

    static ContextDifferences of(List<EvidenceItem> supports, List<EvidenceItem> conflicts) {
        List<FieldDifference> fields = new ArrayList<>();
        for (Field field : Field.values()) {
            List<ValueRow> rows = values(field, supports, conflicts);
            if (rows.size() >= 2 && rows.stream().anyMatch(ValueRow::oneSided)) {
                fields.add(new FieldDifference(field, rows));
            }
        }
        List<EvidenceItem> bare = Stream.concat(supports.stream(), conflicts.stream())
                .filter(e -> Stream.of(Field.values()).allMatch(f -> f.of(e) == null)).toList();
        return new ContextDifferences(fields, bare);
    }

    /** Shown when the sides differ on at least one field. */
    public boolean any() {
        return !fields.isEmpty();
    }

    /**
     * One side's cards grouped by the values of the differing fields, in first-seen order (so strongest
     * first); the items that record none of them come last, under "Context not recorded".
     */
    public List<Group> groups(List<EvidenceItem> side) {
        Map<String, List<EvidenceItem>> groups = new LinkedHashMap<>();
        List<EvidenceItem> unrecorded = new ArrayList<>();
        for (EvidenceItem e : side) {
            String heading = heading(e);
            if (heading == null) {
                unrecorded.add(e);
            } else {
                groups.computeIfAbsent(heading, k -> new ArrayList<>()).add(e);
            }
        }
        List<Group> result = new ArrayList<>(groups.entrySet().stream().map(en -> new Group(en.getKey(), en.getValue())).toList());
        if (!unrecorded.isEmpty()) {
            result.add(new Group(NOT_RECORDED, unrecorded));
        }
        return result;
    }

    private String heading(EvidenceItem e) {
        List<String> parts = new ArrayList<>();
        for (FieldDifference f : fields) {
            String value = f.field().of(e);
            if (value != null) {
                parts.add(f.label() + ": " + value);
            }
        }
        return parts.isEmpty() ? null : String.join(" · ", parts);
    }

    private static List<ValueRow> values(Field field, List<EvidenceItem> supports, List<EvidenceItem> conflicts) {
        // values compare without case and surrounding spaces; the first spelling seen is shown
        Map<String, String> shown = new LinkedHashMap<>();
        Map<String, int[]> counts = new LinkedHashMap<>();
        count(field, supports, 0, shown, counts);
        count(field, conflicts, 1, shown, counts);
        return counts.entrySet().stream()
                .map(en -> new ValueRow(shown.get(en.getKey()), en.getValue()[0], en.getValue()[1])).toList();
    }

    private static void count(Field field, List<EvidenceItem> side, int column, Map<String, String> shown, Map<String, int[]> counts) {
        for (EvidenceItem e : side) {
            String value = field.of(e);
            if (value != null) {
                String key = value.toLowerCase(Locale.ROOT);
                shown.putIfAbsent(key, value);
                counts.computeIfAbsent(key, k -> new int[2])[column]++;
            }
        }
    }
}
