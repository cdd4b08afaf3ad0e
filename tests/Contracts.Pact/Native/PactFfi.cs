using System.Runtime.InteropServices;

namespace Contracts.Pacts.Native;

/// <summary>
/// The few functions of libpact_ffi (pact_ffi 0.5.x) the binding calls, declared as the engine's C header does.
/// </summary>
/// <remarks>
/// Marshalling rules that matter here:
/// <list type="bullet">
/// <item>Rust <c>bool</c> is one byte: every bool crosses as <see cref="UnmanagedType.U1"/>, never the 4-byte Win32 BOOL.</item>
/// <item><c>PactHandle</c> and <c>InteractionHandle</c> are transparent wrappers of <c>uint16_t</c> and <c>uint32_t</c>.</item>
/// <item>Strings go in as UTF-8 and stay owned by the caller. Strings that come back are read as pointers and never
/// freed here: those of <c>pactffi_mock_server_mismatches</c> and <c>pactffi_mock_server_logs</c> belong to the mock
/// server (read them before <c>pactffi_cleanup_mock_server</c>), and <c>pactffi_version</c>'s is static.</item>
/// </list>
/// </remarks>
internal static partial class PactFfi
{
    /// <summary>The name the resolver in <see cref="PactEngine"/> maps to the located library file.</summary>
    internal const string LibraryName = "pact_ffi";

    [LibraryImport(LibraryName, EntryPoint = "pactffi_version")]
    internal static partial nint Version();

    [LibraryImport(LibraryName, EntryPoint = "pactffi_log_to_buffer")]
    internal static partial int LogToBuffer(LogLevel level);

    [LibraryImport(LibraryName, EntryPoint = "pactffi_new_pact", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial ushort NewPact(string consumer, string provider);

    [LibraryImport(LibraryName, EntryPoint = "pactffi_with_specification")]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool WithSpecification(ushort pact, PactSpecification specification);

    [LibraryImport(LibraryName, EntryPoint = "pactffi_free_pact_handle")]
    internal static partial uint FreePactHandle(ushort pact);

    [LibraryImport(LibraryName, EntryPoint = "pactffi_new_interaction", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint NewInteraction(ushort pact, string description);

    [LibraryImport(LibraryName, EntryPoint = "pactffi_given", StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool Given(uint interaction, string providerState);

    /// <summary>Unlike its neighbours, returns an int: 0 success, 1 mock server started, 2 parameters not JSON, 3 invalid strings.</summary>
    [LibraryImport(LibraryName, EntryPoint = "pactffi_given_with_params", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int GivenWithParams(uint interaction, string providerState, string parametersJson);

    [LibraryImport(LibraryName, EntryPoint = "pactffi_with_request", StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool WithRequest(uint interaction, string method, string path);

    [LibraryImport(LibraryName, EntryPoint = "pactffi_with_query_parameter_v2", StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool WithQueryParameter(uint interaction, string name, nuint index, string value);

    [LibraryImport(LibraryName, EntryPoint = "pactffi_with_header_v2", StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool WithHeader(uint interaction, InteractionPart part, string name, nuint index, string value);

    [LibraryImport(LibraryName, EntryPoint = "pactffi_with_body", StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool WithBody(uint interaction, InteractionPart part, string contentType, string body);

    [LibraryImport(LibraryName, EntryPoint = "pactffi_with_matching_rules", StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool WithMatchingRules(uint interaction, InteractionPart part, string rulesJson);

    [LibraryImport(LibraryName, EntryPoint = "pactffi_response_status")]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool ResponseStatus(uint interaction, ushort status);

    [LibraryImport(LibraryName, EntryPoint = "pactffi_check_regex", StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool CheckRegex(string regex, string example);

    [LibraryImport(LibraryName, EntryPoint = "pactffi_create_mock_server_for_transport", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int CreateMockServerForTransport(ushort pact, string address, ushort port, string transport, string? transportConfig);

    [LibraryImport(LibraryName, EntryPoint = "pactffi_mock_server_matched")]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool MockServerMatched(int port);

    [LibraryImport(LibraryName, EntryPoint = "pactffi_mock_server_mismatches")]
    internal static partial nint MockServerMismatches(int port);

    [LibraryImport(LibraryName, EntryPoint = "pactffi_mock_server_logs")]
    internal static partial nint MockServerLogs(int port);

    [LibraryImport(LibraryName, EntryPoint = "pactffi_cleanup_mock_server")]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool CleanupMockServer(int port);

    [LibraryImport(LibraryName, EntryPoint = "pactffi_pact_handle_write_file", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int PactHandleWriteFile(ushort pact, string directory, [MarshalAs(UnmanagedType.U1)] bool overwrite);

    /// <summary>Reads a UTF-8 string the engine owns; null for a null pointer. Never frees it.</summary>
    internal static string? ReadBorrowed(nint text) => text == 0 ? null : Marshal.PtrToStringUTF8(text);

    /// <summary>The engine's level filter (<c>LevelFilter</c> in the header).</summary>
    internal enum LogLevel
    {
        Off = 0,
        Error = 1,
        Warn = 2,
        Info = 3,
        Debug = 4,
        Trace = 5,
    }

    /// <summary><c>PactSpecification</c> in the header.</summary>
    internal enum PactSpecification
    {
        V4 = 5,
    }

    /// <summary><c>InteractionPart</c> in the header.</summary>
    internal enum InteractionPart
    {
        Request = 0,
        Response = 1,
    }
}
