package dk.trappen.parties;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A new party of a case, as the API and the case page's form submit it. The role is taken as text so that an unknown
 * role is named together with every other problem ({@link PartyPolicy}).
 *
 * @param role             one of {@link PartyRole}
 * @param name             the person's name; required
 * @param custody          whether the person holds custody (a custody holder always does); null is no
 * @param cpr              the CPR number, 10 digits; optional, never logged, shown masked
 * @param address          the postal address; optional; never shown when {@code protectedAddress}
 * @param phone            optional
 * @param email            optional
 * @param protectedAddress navne- og adressebeskyttelse: the address is stored but never shown; null is no
 */
public record NewParty(
    @Schema(allowableValues = {"MOTHER", "FATHER", "CUSTODY_HOLDER", "SIBLING", "RELATIVE", "NETWORK", "PROFESSIONAL",
        "NOTIFIER"})
    String role,
    String name,
    Boolean custody,
    String cpr,
    String address,
    String phone,
    String email,
    Boolean protectedAddress) {
}
