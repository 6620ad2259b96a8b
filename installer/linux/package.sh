#!/usr/bin/env bash
# Builds TaskDesk's Linux packages from target/taskdesk.jar, each with a trimmed Java runtime inside:
#   target/installer/taskdesk/                  the app image (runs in place)
#   target/installer/taskdesk_<version>_amd64.deb
# plus a class cache made by a training run, which the launcher uses for a faster start: with the JDK on the PATH (17:
# an AppCDS archive), or with Temurin 25 and its ahead-of-time cache when TASKDESK_PACKAGE_JDK25 names it (ADR 0034:
# not the default yet, since its .deb build failed in dpkg-deb and every start warned about the cache's stubs). The jar is the
# same either way: the code compiles for Java 17.
# Usage: installer/linux/package.sh [--no-deb]     (run by: mvn -B -Pinstaller package)
# Environment: TASKDESK_PACKAGE_JDK25=<JDK home>, e.g. /usr/lib/jvm/temurin-25-jdk-amd64 (default "none": the PATH's JDK);
#   TASKDESK_PACKAGE_OUT=<folder> instead of target/installer (bench/startup-jdk25 builds both kinds side by side).
set -euo pipefail
cd "$(dirname "$0")/../.."

JAR=target/taskdesk.jar
OUT=${TASKDESK_PACKAGE_OUT:-target/installer}
[ -f "$JAR" ] || { echo "Error: $JAR is missing: run 'mvn -B -DskipTests package' first." >&2; exit 2; }
JDK25=${TASKDESK_PACKAGE_JDK25:-none}
if [ -x "$JDK25/bin/jpackage" ]; then
  # Temurin 25's AOT cache loads and links the classes before main and keeps their profiles: the first frame came
  # in 0.66-0.91x and the task list in 0.58-0.71x the time of JDK 17's AppCDS, side by side (bench/startup-jdk25).
  TOOLS="$JDK25/bin/"
  COMPRESS=zip-6
  CACHE=taskdesk.aot
  CACHE_OPTIONS='-XX:AOTCache=$APPDIR/taskdesk.aot -Xlog:aot=off -Xlog:cds=off'
  TRAIN_OPTION=-XX:AOTCacheOutput
else
  command -v jpackage >/dev/null || { echo "Error: jpackage not found: install a full JDK 17 or newer." >&2; exit 2; }
  TOOLS=""
  COMPRESS=2
  CACHE=taskdesk.jsa
  CACHE_OPTIONS='-XX:SharedArchiveFile=$APPDIR/taskdesk.jsa -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off'
  TRAIN_OPTION=-XX:ArchiveClassesAtExit
fi
echo "Packaging with $("${TOOLS}java" -version 2>&1 | head -1)"
VERSION=$(sed -n 's/^version=//p' target/classes/taskdesk-version.properties | sed 's/-SNAPSHOT//')

rm -rf "$OUT" && mkdir -p "$OUT/input"
cp "$JAR" installer/linux/taskdesk.1 installer/linux/taskdesk.sh "$OUT/input/"
mkdir -p "$OUT/input/icons" && cp resources/icons/taskdesk-*.png "$OUT/input/icons/"

# Only the modules the program uses (jdeps), plus those reached by reflection or service loading:
# jdk.crypto.ec for TLS to hosted PostgreSQL, java.naming for pgjdbc and logback, jdk.localedata for date names.
MODULES=$("${TOOLS}jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps "$JAR")
MODULES="$MODULES,jdk.crypto.ec,java.naming,jdk.localedata,jdk.zipfs"

echo "Building the app image…"
"${TOOLS}jpackage" --type app-image --name taskdesk --app-version "$VERSION" \
  --description "Keyboard-first task manager" --vendor "TaskDesk" \
  --input "$OUT/input" --main-jar taskdesk.jar --main-class org.taskdesk.app.Main \
  --add-modules "$MODULES" --jlink-options "--strip-debug --no-man-pages --no-header-files --compress=$COMPRESS --generate-cds-archive" \
  --icon resources/icons/taskdesk-256.png \
  --java-options "$CACHE_OPTIONS" \
  --java-options '-XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0' \
  --dest "$OUT"

# ArchiveRelocationMode=0: map the class cache at the address it was made for. With mode 1 (the default of JDK 17.0.15
# and 25, for address-space randomisation) the JVM rewrites every pointer of the ~90 MB cache at each start, 0.3 s
# before main, for the window and every command alike (ADR 0035).
# The class cache: a training run that does what a start does (the commands, then the window up to the task list,
# under Xvfb when there is no display); the cache is then used by every start (a missing or stale one only costs speed).
echo "Training the class cache ($CACHE)…"
TRAIN=$(mktemp -d)
RUNTIME="$(cd "$OUT/taskdesk/lib/runtime/bin" && pwd)/java"
APP="$(cd "$OUT/taskdesk/lib/app" && pwd)"
DISPLAY_RUN=()
if [ -z "${DISPLAY:-}" ]; then
  if command -v xvfb-run >/dev/null; then
    DISPLAY_RUN=(xvfb-run -a -s "-screen 0 1280x1024x24")
  else
    echo "No display and no xvfb-run: the archive will cover the commands only (apt-get install xvfb libgtk-3-0)."
  fi
fi
XDG_DATA_HOME="$TRAIN/data" XDG_CONFIG_HOME="$TRAIN/config" TASKDESK_PASSWORD="training password" \
  TASKDESK_EMAIL=training@example.com TASKDESK_BCRYPT_COST=4 TASKDESK_STARTUP_PROBE="$(date +%s%3N)" \
  "${DISPLAY_RUN[@]}" "$RUNTIME" "$TRAIN_OPTION=$APP/$CACHE" -Dtaskdesk.log.dir="$TRAIN/logs" \
  -Xlog:class+load=info:file="$TRAIN/classes.log" -cp "$APP/taskdesk.jar" org.taskdesk.app.CdsTraining \
  > "$TRAIN/training.log" 2>&1 || { cat "$TRAIN/training.log" >&2; echo "Error: the training run failed (above)." >&2; exit 1; }
grep -E "first-frame|task-list" "$TRAIN/training.log" || grep -h "No display" "$TRAIN"/logs/*.log || true
# The window's classes, for packages that make their archive where they are installed (see CdsTraining).
sed -n 's/.*\] \([^ ]*\) source: .*/\1/p' "$TRAIN/classes.log" \
  | grep -E '^(javafx|com\.sun\.javafx|com\.sun\.glass|com\.sun\.prism|atlantafx|org\.taskdesk\.ui)\.' \
  | sort -u > "$APP/window-classes.txt"
echo "Recorded $(wc -l < "$APP/window-classes.txt") window classes."
rm -rf "$TRAIN"
"$OUT/taskdesk/bin/taskdesk" --version

if [ "${1:-}" != "--no-deb" ]; then  # --with-deb (the default) or nothing: build it
  command -v fakeroot >/dev/null && command -v dpkg-deb >/dev/null \
    || { echo "Error: building the .deb needs fakeroot and dpkg-deb (apt-get install fakeroot)." >&2; exit 2; }
  echo "Building the Debian package…"
  # Without the cache: it only works at the path it was made at, so the package makes its own when installed.
  STAGE=$(mktemp -d)
  cp -a "$OUT/taskdesk" "$STAGE/"
  rm -f "$STAGE/taskdesk/lib/app/$CACHE"
  "${TOOLS}jpackage" --type deb --app-image "$STAGE/taskdesk" --name taskdesk --app-version "$VERSION" \
    --description "Keyboard-first task manager that keeps your data on your computer or your own PostgreSQL server" \
    --vendor "TaskDesk" --resource-dir installer/linux --linux-shortcut --linux-menu-group "Office;ProjectManagement;" \
    --linux-app-category utils --linux-package-deps "libgtk-3-0" --dest "$OUT"
  rm -rf "$STAGE"
  mv "$OUT"/taskdesk_"$VERSION"-1_amd64.deb "$OUT/taskdesk_${VERSION}_amd64.deb"
fi
rm -rf "$OUT/input"
ls -la "$OUT"
