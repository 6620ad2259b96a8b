# Builds TaskDesk's Windows installer (target\installer\TaskDesk-<version>.msi) with a trimmed Java runtime inside.
# Run on Windows with a JDK 17+ (jpackage) and the WiX Toolset 3 on the PATH, after:  mvn -B -DskipTests package
# (Maven picks JavaFX's Windows libraries when it runs on Windows.)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
$jar = "target\taskdesk.jar"
if (-not (Test-Path $jar)) { Write-Error "target\taskdesk.jar is missing: run 'mvn -B -DskipTests package' first."; exit 2 }
$version = ((Get-Content target\classes\taskdesk-version.properties) -match '^version=' -replace 'version=', '') -replace '-SNAPSHOT', ''
$out = "target\installer"
Remove-Item -Recurse -Force $out -ErrorAction SilentlyContinue
New-Item -ItemType Directory "$out\input" | Out-Null
Copy-Item $jar "$out\input\"
$modules = (jdeps --multi-release 17 --ignore-missing-deps --print-module-deps $jar).Trim() + ",jdk.crypto.ec,java.naming,jdk.localedata,jdk.zipfs"
# Per-user install (no administrator needed), a Start menu entry and a desktop shortcut; 'taskdesk' on the PATH
# through the console launcher. The data folder (%LOCALAPPDATA%\TaskDesk) is not touched by uninstalling.
jpackage --type msi --name TaskDesk --app-version $version --vendor "TaskDesk" `
  --description "Keyboard-first task manager" `
  --input "$out\input" --main-jar taskdesk.jar --main-class org.taskdesk.app.Main `
  --add-modules $modules --jlink-options "--strip-debug --no-man-pages --no-header-files --compress=2" `
  --icon installer\windows\taskdesk.ico --win-menu --win-menu-group TaskDesk --win-shortcut --win-per-user-install `
  --win-dir-chooser --win-upgrade-uuid 6f5c1f4e-3a8e-4c59-9a3e-2f0d6d1b7a11 --win-console `
  --dest $out
Remove-Item -Recurse -Force "$out\input"
Get-ChildItem $out
