#!/usr/bin/env bash
# Builds TaskDesk's macOS disk image (target/installer/TaskDesk-<version>.dmg) with a trimmed Java runtime inside.
# Run on macOS with a JDK 17+ (jpackage), after:  mvn -B -DskipTests package
# (Maven picks JavaFX's macOS libraries when it runs on macOS.) Signing: add --mac-sign --mac-signing-key-user-name.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=target/taskdesk.jar
OUT=target/installer
[ -f "$JAR" ] || { echo "Error: $JAR is missing: run 'mvn -B -DskipTests package' first." >&2; exit 2; }
VERSION=$(sed -n 's/^version=//p' target/classes/taskdesk-version.properties | sed 's/-SNAPSHOT//')
rm -rf "$OUT" && mkdir -p "$OUT/input" && cp "$JAR" "$OUT/input/"
MODULES="$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps "$JAR"),jdk.crypto.ec,java.naming,jdk.localedata,jdk.zipfs"
# The icon: an .icns made from resources/icons (iconutil), kept in installer/macos.
if [ ! -f installer/macos/taskdesk.icns ]; then
  set_dir=$(mktemp -d)/taskdesk.iconset && mkdir -p "$set_dir"
  for s in 16 32 128 256 512; do
    cp "resources/icons/taskdesk-$s.png" "$set_dir/icon_${s}x${s}.png"
  done
  iconutil -c icns -o installer/macos/taskdesk.icns "$set_dir"
fi
jpackage --type dmg --name TaskDesk --app-version "$VERSION" --vendor "TaskDesk" \
  --description "Keyboard-first task manager" \
  --input "$OUT/input" --main-jar taskdesk.jar --main-class org.taskdesk.app.Main \
  --add-modules "$MODULES" --jlink-options "--strip-debug --no-man-pages --no-header-files --compress=2" \
  --icon installer/macos/taskdesk.icns --mac-package-identifier org.taskdesk.TaskDesk --mac-package-name TaskDesk \
  --dest "$OUT"
rm -rf "$OUT/input"
ls -la "$OUT"
