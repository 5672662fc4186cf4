package app.crux.evidence;

/** Whether a passage backs a claim or contradicts it. */
public enum Stance {
    SUPPORTS("Supports"), CONFLICTS("Conflicts");

    public final String label;

    Stance(String label) {
        this.label = label;
    }

    /** "supports" or "conflicts", for colouring cards and highlights. */
    public String tone() {
        return name().toLowerCase();
    }

    public String cssClass() {
        return "stance-" + name().toLowerCase();
    }
}
