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
 */
public record Step(String key, String name, String nameEn, int position, List<HelpCategory> covers,
                   boolean placement, String legalBasis) {

  public Step {
    covers = List.copyOf(covers);
  }

  /** A step without a configured legal basis. */
  public Step(String key, String name, String nameEn, int position, List<HelpCategory> covers, boolean placement) {
    this(key, name, nameEn, position, covers, placement, null);
  }
}
