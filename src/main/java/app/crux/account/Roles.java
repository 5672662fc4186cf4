package app.crux.account;

import app.crux.web.Enums;
import app.crux.web.BadInput;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Role names as forms and the API send them. */
final class Roles {

    private Roles() {
    }

    static Set<Role> parse(Collection<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names == null) {
            return roles;
        }
        for (String name : names) {
            roles.add(Enums.parse(Role.class, name == null ? null : name.strip().toUpperCase(Locale.ROOT))
                    .orElseThrow(() -> new BadInput("Unknown role '" + name + "'; use EDITOR, REVIEWER or ADMIN.")));
        }
        return roles;
    }
}
