# Environment every build script shares: quiet, offline-friendly tools.
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export PACT_DO_NOT_TRACK=true
export REDOCLY_TELEMETRY=off
export REDOCLY_SUPPRESS_UPDATE_NOTICE=true

# Builds one of build/'s own tools (Release) quietly; on failure prints the build's output and exits 2, so a script
# that runs the tool next never fails without saying why. Usage: build_tool build/X/X.csproj
build_tool() {
  local log
  if ! log=$(dotnet build "$1" -c Release -nologo -v:q 2>&1); then
    echo "$log" >&2
    echo "$(basename "$0"): could not build $1" >&2
    exit 2
  fi
}
