using System.Runtime.InteropServices;

namespace Contracts.Pacts.Native;

/// <summary>
/// Sets variables in the process environment that native code reads. <see cref="Environment.SetEnvironmentVariable(string, string)"/>
/// only changes .NET's own copy on Unix, so the engine (which calls getenv) would not see it.
/// </summary>
internal static partial class NativeEnvironment
{
    /// <summary>Sets <paramref name="name"/> for native code unless the environment already has a value for it.</summary>
    public static void SetDefault(string name, string value)
    {
        if (Environment.GetEnvironmentVariable(name) is not null || !(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()))
            return;
        if (SetEnv(name, value, overwrite: 0) != 0)
            throw new InvalidOperationException($"setenv({name}) failed with errno {Marshal.GetLastPInvokeError()}.");
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
