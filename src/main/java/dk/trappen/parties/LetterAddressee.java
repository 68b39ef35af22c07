package dk.trappen.parties;

/**
 * A custody holder as a letter addresses them (issue 19): the name, the full CPR number (Digital Post's address; never
 * shown or logged) and the postal address, which is null when the party's address is protected (navne- og
 * adressebeskyttelse): the parties feature never hands a protected address to anyone, letters included.
 */
public record LetterAddressee(long partyId, PartyRole role, String name, String cpr, String address,
                              boolean protectedAddress) {

  static LetterAddressee of(Party p) {
    return new LetterAddressee(p.getId(), p.getRole(), p.getName(), p.getCpr(),
        p.isProtectedAddress() ? null : p.getAddress(), p.isProtectedAddress());
  }
}
