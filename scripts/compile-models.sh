#!/usr/bin/env bash
# Regenerates EF Core's compiled models (src/Interlock.Core/Data/CompiledModels/{Sqlite,Postgres}) after a change to
# the entity model. The app uses them instead of running OnModelCreating at start (DatabaseSetup.Configure);
# tests/Interlock.Tests.Unit/Data/CompiledModelTests fails when they no longer match the model.
# Run from the repository root: bash scripts/compile-models.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
# The build the tool runs leaves the old compiled models out (they may no longer compile against the changed model).
export InterlockNoCompiledModels=true
for provider in Sqlite Postgres; do
  out="src/Interlock.Core/Data/CompiledModels/$provider"
  rm -rf "$out"
  args=(-- --Database:Provider="${provider,,}")
  [ "$provider" = Postgres ] && args+=("--ConnectionStrings:Interlock=Host=127.0.0.1;Database=model-only")
  dotnet ef dbcontext optimize --project src/Interlock.Core --startup-project src/Interlock.Web \
    --output-dir "Data/CompiledModels/$provider" --namespace "Interlock.Data.CompiledModels.$provider" "${args[@]}"
  # One context type, two providers: the model is chosen explicitly per provider, never discovered by attribute.
  rm -f "$out/InterlockDbContextAssemblyAttributes.cs"
done
