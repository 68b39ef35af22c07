package dk.trappen.staircase;

import java.util.List;

/**
 * One step of the staircase.
 *
 * @param key       stable identifier, e.g. {@code HOME_BASED}
 * @param name      Danish name
 * @param nameEn    English name
 * @param position  1-based, from the least intrusive
 * @param covers    the kinds of help this step provides
 * @param placement  a placement outside the home, which needs the team leader's approval
 * @param legalBasis the provision a decision on this step rests on, as the decision letter cites it (e.g. "Barnets
 *                   Lov § 32"); null when not configured
 * @param monthlyCost    what a month on this step costs, in whole DKK per child
 * @param caseloadWeight how heavy a case on this step weighs in a caseload, against 1.0 for an ordinary case
 */
public record Step(String key, String name, String nameEn, int position, List<HelpCategory> covers,
                   boolean placement, String legalBasis, long monthlyCost, double caseloadWeight) {

  public Step {
    covers = List.copyOf(covers);
  }

  /** A step without a configured legal basis, cost or weight (cost 0, weight 1.0). */
  public Step(String key, String name, String nameEn, int position, List<HelpCategory> covers, boolean placement) {
    this(key, name, nameEn, position, covers, placement, null, 0, 1.0);
  }

  /**
   * The kind of placement this step is, for the share of placements with kin, in foster care and in institutions: the
   * most intrusive placement kind of help it covers ({@link HelpCategory#KIN_PLACEMENT},
   * {@link HelpCategory#FOSTER_FAMILY} or {@link HelpCategory#INSTITUTION}); null for a step that is no placement or
   * covers no placement kind.
   */
  public HelpCategory placementKind() {
    if (!placement) {
      return null;
    }
    return covers.stream().filter(HelpCategory::isPlacementKind).max(Enum::compareTo).orElse(null);
  }
}
