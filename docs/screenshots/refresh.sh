#!/usr/bin/env bash
# Refreshes the README's pictures: runs the screenshot tests with their output folder set to this one.
# The build's own test run writes them to target/screenshots instead, so that `mvn verify` leaves git status clean.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q test -Dtest='*ScreenshotTest' -Dsurefire.failIfNoSpecifiedTests=false \
    -Dtaskdesk.screenshots="$PWD/docs/screenshots"
git status --short docs/screenshots
