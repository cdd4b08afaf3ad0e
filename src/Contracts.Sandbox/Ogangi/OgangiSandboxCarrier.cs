namespace Contracts.Sandbox.Ogangi;

/// <summary>
/// A mobile operator of the simulated workspace. sendSMS and sendSMSPinMobileNumberConfirm name it
/// (<see cref="Name"/>, case sensitive as Ogangi documents for the PIN); sendMT gives its operator ID (<see cref="Id"/>).
/// </summary>
/// <param name="Id">The operator ID sendMT takes, e.g. <c>1</c>.</param>
/// <param name="Name">The operator name sendSMS takes and answers with, e.g. <c>Movistar</c>.</param>
public sealed record OgangiSandboxCarrier(string Id, string Name);
