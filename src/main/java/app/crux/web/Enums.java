package app.crux.web;

import java.util.Optional;

/** A constant named in a request (a form field, query parameter or JSON string), looked up exactly. */
public final class Enums {

    private Enums() {
    }

    /** The constant of {@code type} named {@code name}, or empty when it is null or names none. */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The constant named {@code name} (null stays null), or a 400 that says what the choices are. */
    public static <E extends Enum<E>> E parseOr400(Class<E> type, String name, String problem) {
        return name == null ? null : parse(type, name).orElseThrow(() -> new BadInput(problem));
    }
}
