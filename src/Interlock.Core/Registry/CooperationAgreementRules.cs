using Interlock.Shared;

namespace Interlock.Registry;

/// <summary>The checks a UN–organization cooperation agreement passes when recorded or edited.</summary>
public static class CooperationAgreementRules
{
    public static ValidationErrors Validate(string? title, DateOnly? signed, DateOnly? inForceFrom, DateOnly? inForceTo) =>
        new ValidationErrors()
            .Require(!string.IsNullOrWhiteSpace(title), "title", "A title is required.")
            .Require((title?.Trim().Length ?? 0) <= 300, "title", "At most 300 characters.")
            .Require(inForceTo is null || inForceFrom is not null, "inForceFrom", "Give the date it entered into force as well as the date it ended.")
            .Require(inForceTo is null || inForceFrom is null || inForceTo >= inForceFrom, "inForceTo", "The end is before the entry into force.")
            .Require(signed is null || inForceTo is null || signed <= inForceTo, "signed", "Signed after it ceased to be in force.");

    /// <summary>Everything a recorded agreement passes: the dates and title above, a type, and a partner that is not the UN itself.</summary>
    public static ValidationErrors Validate(string? title, DateOnly? signed, DateOnly? inForceFrom, DateOnly? inForceTo,
        CooperationAgreementType? type, Organization partner) =>
        Validate(title, signed, inForceFrom, inForceTo)
            .Require(type is not null, "type", "The type is required: memorandumOfUnderstanding, exchangeOfLetters, frameworkAgreement or other.")
            .Require(partner.Kind != OrganizationKind.UnitedNations, "organization", "A cooperation agreement is between the United Nations and a partner organization.");
}
