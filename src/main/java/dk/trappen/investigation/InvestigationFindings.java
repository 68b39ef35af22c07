package dk.trappen.investigation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The findings of a finished investigation: the payload of the investigation task. */
public record InvestigationFindings(
    @NotBlank(message = "must describe the child's resources and needs as the investigation found them")
    @Size(max = 10000, message = "must be at most 10000 characters") String findings,
    @NotBlank(message = "must record the youth's own view, from the conversation with the child or youth")
    @Size(max = 4000, message = "must be at most 4000 characters") String youthPerspective,
    @NotNull(message = "is required: LOW, MODERATE, HIGH or ACUTE") RiskLevel riskLevel,
    @NotNull(message = "is required: true if the child can stay safely at home") Boolean safeAtHome,
    @NotNull(message = "is required: true if kin or the private network can take part or take the child in")
    Boolean kinOrNetworkPossible,
    @NotNull(message = "is required: STAY_HOME, KIN_OR_NETWORK, FOSTER_FAMILY, INSTITUTION or NO_WISH")
    YouthWish youthWish,
    @NotNull(message = "is required: INTERVENTION or NO_INTERVENTION") InvestigationOutcome outcome) {
}
