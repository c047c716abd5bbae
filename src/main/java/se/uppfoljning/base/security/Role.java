package se.uppfoljning.base.security;

/** The roles a user can hold in a committee. */
public enum Role {
    /** Förtroendevald: reads everything. */
    POLITICIAN,
    /** Tjänsteperson: edits follow-up of items owned by their own department(s). */
    OFFICIAL,
    /** Nämndsekreterare/kansli: edits all follow-up, keeps the structure. */
    SECRETARIAT,
    /** Controller: loads finance figures. */
    CONTROLLER,
    /** Administratör: users, roles, committees. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
