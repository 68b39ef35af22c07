package dk.trappen.meetings;

/** Who raised a new concern on an open case. */
public enum ConcernSource {
  YOUTH, FAMILY, SCHOOL, OTHER
}
