#!/usr/bin/env bash
# Runs every test of Patchwork: unit tests, the module test kit, in-container (Pax Exam) tests
# and the tests that drive the assembled bin/patchwork. As root on Debian/Ubuntu it first
# installs the system packages the tests need; otherwise it names them.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"
source .ci/lib.sh

pw_find_maven
pw_find_jdk
# Real-time tests run against a real jackd with the dummy backend (no sound card needed).
pw_apt jackd2 libjack-jackd2-0 liblo-tools apache2 rclone xvfb xauth xdotool
echo "Using $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1) at $JAVA_HOME"

# install, not just verify: the first-module guide's test builds a module against the SDK
# artifacts in the local Maven repository, exactly as a third-party developer would.
mvn -B -ntp install "$@"
