package app.crux.evidence;

/** Whether a passage backs a claim or contradicts it. */
public enum Stance {
    SUPPORTS("Supports"), CONFLICTS("Conflicts");

    public final String label;

    Stance(String label) {
        this.label = label;
    }

    public String cssClass() {
        return "stance-" + name().toLowerCase();
    }
}
