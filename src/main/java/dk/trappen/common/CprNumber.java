package dk.trappen.common;

import java.time.LocalDate;

/** What a Danish CPR number (ddmmyyxxxx) says by itself. Never log one. */
public final class CprNumber {

  private CprNumber() {
  }

  /** The birth date encoded in a CPR number (ddmmyy + the century digit rule of the CPR office), or null. */
  public static LocalDate birthDate(String cpr) {
    try {
      int day = Integer.parseInt(cpr.substring(0, 2));
      int month = Integer.parseInt(cpr.substring(2, 4));
      int yy = Integer.parseInt(cpr.substring(4, 6));
      int seventh = cpr.charAt(6) - '0';
      int century;
      if (seventh <= 3) {
        century = 1900;
      } else if (seventh == 4 || seventh == 9) {
        century = yy <= 36 ? 2000 : 1900;
      } else {
        century = yy <= 57 ? 2000 : 1800;
      }
      return LocalDate.of(century + yy, month, day);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The number as the pages and the API show it to staff who need not see it whole: ddmmyy-xxxx. */
  public static String masked(String cpr) {
    return cpr == null || cpr.length() != 10 ? null : cpr.substring(0, 6) + "-xxxx";
  }
}
