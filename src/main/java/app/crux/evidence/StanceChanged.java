package app.crux.evidence;

/**
 * Fired synchronously, inside the transaction of an evidence item's stance change, before its scores are
 * recomputed: the review feature owns the votes, keeps their strengths and clears their stance disputes
 * (they disputed the old stance), and says here how many of each there were.
 */
public class StanceChanged {

    public final long evidenceId;
    private int ratingsKept;
    private int disputesCleared;

    StanceChanged(long evidenceId) {
        this.evidenceId = evidenceId;
    }

    public void counted(int ratingsKept, int disputesCleared) {
        this.ratingsKept = ratingsKept;
        this.disputesCleared = disputesCleared;
    }

    int ratingsKept() {
        return ratingsKept;
    }

    int disputesCleared() {
        return disputesCleared;
    }
}
