#!/bin/sh
# Renders every screen of the desktop control panel against a real hub (embedded defaults, fake upstreams, demo
# traffic) into docs/screenshots/*.png. Headless (Monocle): runs on a server without a display. Takes ~3 minutes.
set -e
cd "$(dirname "$0")/.."
. bin/find-java
mvn -B -q -pl hub-admin-fx -am test -Dsurefire.failIfNoSpecifiedTests=false -Dtest=ScreenshotTour \
  -Dscreenshots=true -Dscreenshots.dir="$PWD/docs/screenshots" "$@"
ls -1 docs/screenshots/*.png
