package dk.trappen.common;

/** A resource the caller asked for does not exist (HTTP 404). */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
