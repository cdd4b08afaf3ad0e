using Contracts.Core.Batching;
using Contracts.Onc;
using Contracts.Sandbox.Onc;

namespace Contracts.Cli.Onc;

/// <summary>
/// What an ONC error code means, said next to the code: "error code 3" alone tells nobody anything. The Dynamic
/// Notifications API document defines only 0 (success) and "a number different than zero" (a failure), so for the real
/// service notify can only say that and where to look; the embedded sandbox's codes are its own and are named.
/// </summary>
internal static class OncErrorCodes
{
    /// <summary>The explanation of <paramref name="code"/>, e.g. "error code 3: no campaign or contact has that ID (the sandbox's code)".</summary>
    public static string Explain(int code, bool sandbox)
    {
        if (sandbox)
        {
            var meaning = code switch
            {
                OncSandboxErrorCodes.InvalidCredentials => "the account id, user name or password is wrong",
                OncSandboxErrorCodes.InvalidSession => "the session is unknown, closed or expired",
                OncSandboxErrorCodes.NotFound => "no campaign (or no contact within it) has that ID",
                OncSandboxErrorCodes.AlreadyExists => "a campaign or contact with that ID already exists",
                OncSandboxErrorCodes.InvalidValue => "the campaign or contact breaks a documented rule",
                _ => null,
            };
            if (meaning is not null)
                return $"error code {code}: {meaning} (the sandbox's code)";
        }
        return $"error code {code}: ONC documents only that 0 is success and any other number a failure, without saying which; " +
               "check the campaign ID (notify onc campaigns list), the credentials and the contact's values";
    }

    /// <summary><paramref name="result"/> with its failure's reason followed by the explanation of its error code, if it has one.</summary>
    public static BatchChunkResult<OutboundNotificationContactInfo> Explained(BatchChunkResult<OutboundNotificationContactInfo> result, bool sandbox)
    {
        if (result.Failure is not { ErrorCode: { } text } failure || !int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var code))
            return result;
        var explained = new BatchFailure(failure.Kind, $"{failure.Reason}: {Explain(code, sandbox)}", failure.StatusCode, failure.ErrorCode, failure.RequestId, failure.Exception);
        return new BatchChunkResult<OutboundNotificationContactInfo>(result.ChunkIndex, result.Items, result.Outcome, explained, result.RequestId);
    }
}
