package app.crux.account;

/** A sign-in that did not succeed; the message never says whether the account exists. */
public class LoginRefused extends RuntimeException {

    public final boolean throttled;

    public LoginRefused(boolean throttled) {
        super(throttled
                ? "Too many failed sign-in attempts. Wait a few minutes, then try again."
                : "The username or password is not right.");
        this.throttled = throttled;
    }
}
