package app.crux.claim;

/** A save based on an older version of the claim: someone else changed it meanwhile. */
public class StaleClaim extends RuntimeException {

    public final Claim current;

    public StaleClaim(Claim current) {
        super("Someone changed this claim while you were editing it. Their version is shown; "
                + "apply your change to it and save again.");
        this.current = current;
    }
}
