package dk.trappen.letters;

/**
 * Where a sent letter leaves Trappen. The shipped channel is the drop folder ({@link DropFolderChannel}) for the
 * municipality's print and post service; the production channel is Digital Post (the Danish public digital mail, NgDP,
 * docs/design.md#letters), which sends to the recipient's CPR number and falls back to physical post for a citizen
 * exempt from it.
 *
 * <p>A channel is called from {@link LetterDispatcher} after the send committed, once per recipient, and may be called
 * again for the same {@link OutgoingLetter#messageKey()} (a node that crashed after sending and before marking the
 * row sent): it must treat a key it has seen as sent (the drop folder does not write a file twice; Digital Post takes
 * the key as the message's id).
 */
public interface LetterChannel {

  /** The channel's name, recorded on each letter it sent ({@code letter_dispatch.channel}). */
  String name();

  /** Sends one recipient's copy; throws if it was not accepted (the dispatcher retries later). */
  void send(OutgoingLetter letter);
}
