package dk.trappen.parties;

import java.time.Instant;
import java.util.List;

/**
 * A party as the API and the pages show it: the CPR number masked, and no address when it is protected.
 *
 * @param cpr              the CPR number masked (ddmmyy-xxxx), or null
 * @param address          the address; always null when {@code protectedAddress}
 * @param protectedAddress whether the address is protected (navne- og adressebeskyttelse) and so never shown
 * @param consents         the party's consent records, newest first (by when given or withdrawn, then recorded)
 */
public record PartyView(long id, String caseNumber, PartyRole role, String name, boolean custody, String cpr,
                        String address, boolean protectedAddress, String phone, String email, Instant createdAt,
                        String createdBy, List<ConsentView> consents) {

  /** The newest consent record, or null when there is none. */
  public ConsentView latestConsent() {
    return consents.isEmpty() ? null : consents.get(0);
  }
}
