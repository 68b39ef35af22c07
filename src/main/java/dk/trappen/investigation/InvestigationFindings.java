package dk.trappen.investigation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The findings of a finished investigation: the payload of the investigation task. */
public record InvestigationFindings(
    @NotBlank(message = "{problem.investigation.findings.required}")
    @Size(max = 10000, message = "{problem.tooLong}") String findings,
    @NotBlank(message = "{problem.investigation.youthPerspective.required}")
    @Size(max = 4000, message = "{problem.tooLong}") String youthPerspective,
    @NotNull(message = "{problem.investigation.riskLevel.required}") RiskLevel riskLevel,
    @NotNull(message = "{problem.investigation.safeAtHome.required}") Boolean safeAtHome,
    @NotNull(message = "{problem.investigation.kinOrNetwork.required}")
    Boolean kinOrNetworkPossible,
    @NotNull(message = "{problem.investigation.youthWish.required}")
    YouthWish youthWish,
    @NotNull(message = "{problem.investigation.outcome.required}") InvestigationOutcome outcome) {
}
