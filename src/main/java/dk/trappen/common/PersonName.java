package dk.trappen.common;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A person's name (the child's, a notifier's, a meeting participant's, a goal's owner): refused when it holds a
 * Unicode bidirectional control (see {@link ControlCharacters#bidiPresent}), which would make it display reversed.
 * The problem's code is {@link ControlCharacters#BIDI_PROBLEM}, rendered through the message bundles.
 * Null is valid (other constraints say whether the name is required).
 */
@Documented
@Constraint(validatedBy = PersonName.Check.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE})
@Retention(RUNTIME)
public @interface PersonName {

  String message() default "{" + ControlCharacters.BIDI_PROBLEM + "}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** The check: no bidirectional control. */
  class Check implements ConstraintValidator<PersonName, CharSequence> {
    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
      return !ControlCharacters.bidiPresent(value);
    }
  }
}
