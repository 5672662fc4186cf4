package app.crux.account;

/** What a person may do besides reading; a person may hold several. */
public enum Role {
    EDITOR("Editor", "import and revise documents, extract claims, attach evidence"),
    REVIEWER("Reviewer", "rate evidence strength and dispute stances"),
    ADMIN("Admin", "manage accounts and roles");

    /** Constants for {@code @RolesAllowed}, which needs compile-time strings. */
    public static final String EDITOR_NAME = "EDITOR";
    public static final String REVIEWER_NAME = "REVIEWER";
    public static final String ADMIN_NAME = "ADMIN";

    public final String label;
    public final String description;

    Role(String label, String description) {
        this.label = label;
        this.description = description;
    }
}
