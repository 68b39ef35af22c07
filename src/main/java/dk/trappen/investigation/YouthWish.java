package dk.trappen.investigation;

/** Where the youth wishes to live, in their own view. */
public enum YouthWish {
  STAY_HOME, KIN_OR_NETWORK, FOSTER_FAMILY, INSTITUTION, NO_WISH
}
