package dk.trappen.cases;

import java.time.LocalDate;

/** Who a notification is about. */
public record ChildData(String cpr, String firstName, String lastName, LocalDate birthDate) {
}
