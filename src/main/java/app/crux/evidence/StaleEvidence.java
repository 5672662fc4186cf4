package app.crux.evidence;

/** An edit based on an older version of an evidence item: someone else changed it meanwhile. */
public class StaleEvidence extends RuntimeException {

    public final Evidence current;

    public StaleEvidence(Evidence current) {
        super("Someone changed this evidence while you were editing it (it is now version " + current.version
                + "). Their version is shown; apply your change to it and save again.");
        this.current = current;
    }
}
