package dk.trappen.meetings;

/** Who a network meeting participant is to the youth. */
public enum ParticipantRole {
  YOUTH, PARENT, NETWORK, SCHOOL, INSTITUTION, CASEWORKER, OTHER
}
